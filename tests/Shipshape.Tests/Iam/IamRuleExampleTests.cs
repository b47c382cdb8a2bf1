using Shipshape.Engine;
using Shipshape.Rules;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Iam;

/// <summary>Every IAM analysis rule's documented examples, as CloudFormation: the bad one is reported, the good one is not.</summary>
public sealed class IamRuleExampleTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();

    public static TheoryData<string> IamRules() =>
        [.. Catalog.Metadata.Values
            .Where(m => string.CompareOrdinal(m.Id, "SHP-IAM-100") >= 0 && string.CompareOrdinal(m.Id, "SHP-IAM-149") <= 0)
            // Rules written with per-format examples are run by RuleExampleTests.
            .Where(m => m.BadExample is not null)
            .Select(m => m.Id)];

    [Theory]
    [MemberData(nameof(IamRules))]
    public void Scan_BadExample_ReportsTheRule(string id)
    {
        var findings = ScanExample(Catalog.Get(id).BadExample!);

        Assert.Contains(findings, f => f.RuleId == id);
    }

    [Theory]
    [MemberData(nameof(IamRules))]
    public void Scan_GoodExample_DoesNotReportTheRule(string id)
    {
        var findings = ScanExample(Catalog.Get(id).GoodExample!);

        Assert.DoesNotContain(findings, f => f.RuleId == id);
    }

    private static IReadOnlyList<Core.Finding> ScanExample(string resources)
    {
        using var tree = new TempTree();
        tree.Write("template.json", $$"""{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {{resources}}}""");
        return new Scanner(Catalog).Scan(new ScanOptions { Paths = [tree.Root] }).Findings;
    }
}
