using Shipshape.Core;
using Shipshape.Rules;

namespace Shipshape.Tests.Rules;

public sealed class RuleMetadataLoaderTests
{
    private const string Valid = """
        id: SHP-TST-001
        title: Test rule
        severity: high
        practice: host-and-container
        description: A test.
        rationale: >-
          Folded
          text.
        remediation: Fix it.
        references:
          - https://docs.aws.amazon.com/x
        equivalents: [ECS.4]
        sources: [ecs-task-definition]
        frameworks: []
        bad_example: |
          { "a": 1 }
        """;

    [Fact]
    public void LoadEmbedded_AllFiles_ParseWithoutError()
    {
        var all = RuleMetadataLoader.LoadEmbedded();
        Assert.Equal(RuleCatalog.CreateDefault().Rules.Select(r => r.Id), all.Select(m => m.Id));
        Assert.Equal(all.Select(m => m.Id).Order(StringComparer.Ordinal), all.Select(m => m.Id));
    }

    [Fact]
    public void Parse_ValidFile_ReadsEveryField()
    {
        var m = RuleMetadataLoader.Parse("SHP-TST-001.yaml", Valid);
        Assert.Equal("SHP-TST-001", m.Id);
        Assert.Equal(Severity.High, m.Severity);
        Assert.Equal(Practice.HostAndContainer, m.Practice);
        Assert.Equal("Folded text.", m.Rationale);
        Assert.Equal("https://docs.aws.amazon.com/x", Assert.Single(m.References));
        Assert.Equal("ECS.4", Assert.Single(m.Equivalents));
        Assert.Empty(m.Frameworks);
        Assert.Equal("{ \"a\": 1 }", m.BadExample);
        Assert.Null(m.GoodExample);
        Assert.Empty(m.Examples);
    }

    [Fact]
    public void Parse_Examples_ReadsSourceTextsAndFileName()
    {
        var yaml = Valid.Replace("bad_example: |", "examples:\n  - source: ecs-task-definition\n    file: td.yaml\n    bad: |\n      family: a\n    good: |\n      family: b\nbad_example: |", StringComparison.Ordinal);

        var example = Assert.Single(RuleMetadataLoader.Parse("SHP-TST-001.yaml", yaml).Examples);

        Assert.Equal("ecs-task-definition", example.Source);
        Assert.Equal("family: a\n", example.Bad);
        Assert.Equal("family: b\n", example.Good);
        Assert.Equal("td.yaml", example.EffectiveFileName);
    }

    [Theory]
    [InlineData("severity: high", "severity: severe", "severity 'severe'")]
    [InlineData("practice: host-and-container", "practice: hosts", "practice 'hosts'")]
    [InlineData("title: Test rule\n", "", "required field 'title'")]
    [InlineData("sources: [ecs-task-definition]", "source: [ecs-json]", "unknown field 'source'")]
    [InlineData("equivalents: [ECS.4]", "equivalents: ECS.4", "'equivalents' that is not a list")]
    [InlineData("id: SHP-TST-001", "id: SHP-TST-002", "declares id 'SHP-TST-002'")]
    [InlineData("sources: [ecs-task-definition]", "sources: [ecs-json]", "unknown source 'ecs-json'")]
    [InlineData("bad_example: |", "examples:\n  - source: terraform\n    bad: x\n    good: y\nbad_example: |", "example for 'terraform', which is not among its sources")]
    [InlineData("bad_example: |", "examples:\n  - source: ecs-task-definition\n    bad: x\nbad_example: |", "'ecs-task-definition' example without 'good'")]
    [InlineData("bad_example: |", "examples:\n  - source: ecs-task-definition\n    bad: x\n    good: y\n    note: z\nbad_example: |", "unknown field 'note'")]
    [InlineData("description: A test.", "description: [unclosed", "not valid YAML")]
    public void Parse_MalformedFile_ThrowsNamingFileAndProblem(string find, string replace, string expected)
    {
        var yaml = Valid.Replace(find, replace, StringComparison.Ordinal);
        var error = Assert.Throws<RuleMetadataException>(() => RuleMetadataLoader.Parse("SHP-TST-001.yaml", yaml));
        Assert.Contains("'SHP-TST-001.yaml'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
