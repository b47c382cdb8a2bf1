using Shipshape.Core;
using Shipshape.Engine;
using Shipshape.Rules;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Rules;

/// <summary>
/// Every rule's metadata examples are files of their format, scanned as a user's file would be: the rule reports the
/// bad one and not the good one, and the good one parses (no diagnostic about it).
/// </summary>
public sealed class RuleExampleTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();

    public static TheoryData<string, int> Examples()
    {
        var data = new TheoryData<string, int>();
        foreach (var metadata in Catalog.Metadata.Values)
        {
            for (var i = 0; i < metadata.Examples.Length; i++)
            {
                data.Add(metadata.Id, i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Scan_BadExample_ReportsTheRule(string id, int index)
    {
        var example = Catalog.Get(id).Examples[index];

        var report = Scan(example.EffectiveFileName, example.Bad);

        Assert.True(report.Findings.Any(f => f.RuleId == id),
            $"{id} ({example.Source}) bad example: not reported; got {string.Join(", ", report.Findings.Select(f => f.RuleId).Distinct())}"
            + Diagnostics(report));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Scan_GoodExample_DoesNotReportTheRuleAndParses(string id, int index)
    {
        var example = Catalog.Get(id).Examples[index];

        var report = Scan(example.EffectiveFileName, example.Good);

        Assert.DoesNotContain(report.Findings, f => f.RuleId == id);
        Assert.True(report.Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error), $"{id} ({example.Source}) good example:" + Diagnostics(report));
    }

    [Fact]
    public void DefaultFileName_FollowsTheFormatsUsualNames()
    {
        Assert.Equal("template.json", RuleExampleSources.DefaultFileName("cloudformation", "{ \"Resources\": {} }"));
        Assert.Equal("template.yaml", RuleExampleSources.DefaultFileName("cloudformation", "Resources: {}"));
        Assert.Equal("main.tf", RuleExampleSources.DefaultFileName("terraform", "resource \"aws_ecs_cluster\" \"x\" {}"));
        Assert.Equal("Dockerfile", RuleExampleSources.DefaultFileName("dockerfile", "FROM alpine"));
        Assert.Equal("compose.yaml", RuleExampleSources.DefaultFileName("compose", "services: {}"));
    }

    private static ScanReport Scan(string fileName, string content)
    {
        using var tree = new TempTree();
        tree.Write(fileName, content);
        return new Scanner(Catalog).Scan(new ScanOptions { Paths = [tree.Root] });
    }

    private static string Diagnostics(ScanReport report) =>
        string.Concat(report.Diagnostics.Select(d => $"\n  {d.Severity}: {d.Message}"));
}
