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
        sources: [ecs-json]
        frameworks: []
        bad_example: |
          { "a": 1 }
        """;

    [Fact]
    public void LoadEmbedded_AllFiles_ParseWithoutError()
    {
        var all = RuleMetadataLoader.LoadEmbedded();
        Assert.Equal(28, all.Length);
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
    }

    [Theory]
    [InlineData("severity: high", "severity: severe", "severity 'severe'")]
    [InlineData("practice: host-and-container", "practice: hosts", "practice 'hosts'")]
    [InlineData("title: Test rule\n", "", "required field 'title'")]
    [InlineData("sources: [ecs-json]", "source: [ecs-json]", "unknown field 'source'")]
    [InlineData("equivalents: [ECS.4]", "equivalents: ECS.4", "'equivalents' that is not a list")]
    [InlineData("id: SHP-TST-001", "id: SHP-TST-002", "declares id 'SHP-TST-002'")]
    [InlineData("description: A test.", "description: [unclosed", "not valid YAML")]
    public void Parse_MalformedFile_ThrowsNamingFileAndProblem(string find, string replace, string expected)
    {
        var yaml = Valid.Replace(find, replace, StringComparison.Ordinal);
        var error = Assert.Throws<RuleMetadataException>(() => RuleMetadataLoader.Parse("SHP-TST-001.yaml", yaml));
        Assert.Contains("'SHP-TST-001.yaml'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
