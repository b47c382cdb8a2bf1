using System.Text.Json;
using Shipshape.Core;
using Shipshape.Engine;
using Shipshape.Reporting;
using Shipshape.Rules;
using Shipshape.Tests.Reporting;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Engine;

/// <summary>
/// A rule that needs a value the scan cannot know (a Terraform variable without a default, a CloudFormation parameter
/// without one) counts the resource unresolved, not passed: the same resource with a literal value passes or fails.
/// The fixtures (Fixtures/unresolved/) follow the examples of the Terraform AWS provider and CloudFormation documentation.
/// </summary>
public sealed class UnresolvedValueRecordTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();

    private static readonly Dictionary<string, ScanReport> Reports = new(StringComparer.Ordinal);

    /// <summary>A scan of Fixtures/unresolved/&lt;name&gt;/&lt;file&gt;, alone in its directory; once per file for all the cases.</summary>
    private static ScanReport Scan(string fileName)
    {
        lock (Reports)
        {
            if (!Reports.TryGetValue(fileName, out var report))
            {
                var directory = TestPaths.Fixture("unresolved", Path.GetFileNameWithoutExtension(fileName));
                Reports[fileName] = report = new Scanner(Catalog).Scan(new ScanOptions { Paths = [directory] });
            }

            return report;
        }
    }

    /// <summary>
    /// Each fixture's rule record: pass for the literal good value, fail for the literal bad one (the finding's resource
    /// named when there is one), unresolved for the value the scan cannot know; none of these resources is of a format
    /// the rule does not read.
    /// </summary>
    [Theory]
    [InlineData("efs.tf", "SHP-CMP-001", 1, 1, 1, "aws_efs_file_system.plain")]
    // ELBSecurityPolicy-2016-08 allows TLS 1.0 and 1.1; the TLS 1.3 policy passes both rules.
    [InlineData("listeners.yaml", "SHP-NET-016", 1, 1, 1, "LegacyListener")]
    [InlineData("listeners.yaml", "SHP-NET-017", 2, 0, 1, null)]
    [InlineData("ecs.tf", "SHP-CTR-007", 1, 1, 1, "aws_ecs_task_definition.untagged")]
    // None is pinned by digest; the variable's image cannot be known to be.
    [InlineData("ecs.tf", "SHP-CTR-008", 0, 2, 1, null)]
    // Audit alone satisfies the audit rule, not the every-log-type one.
    [InlineData("eks.tf", "SHP-LOG-019", 2, 0, 1, null)]
    [InlineData("eks.tf", "SHP-LOG-032", 1, 1, 1, "aws_eks_cluster.audit_only")]
    // A known weakness fails the policy whatever its unknown minimum length.
    [InlineData("password.tf", "SHP-IAM-128", 0, 1, 1, "aws_iam_account_password_policy.no_symbols")]
    [InlineData("registry.yaml", "SHP-CTR-030", 1, 0, 1, null)]
    [InlineData("registry.yaml", "SHP-CTR-031", 1, 0, 1, null)]
    // Both literal retentions are set; only the week is under a year.
    [InlineData("registry.yaml", "SHP-LOG-018", 2, 0, 1, null)]
    [InlineData("registry.yaml", "SHP-LOG-024", 1, 1, 1, "WeekLogGroup")]
    // The sidecar's none driver fails its task definition, whatever the other container's unknown driver is.
    [InlineData("logging.tf", "SHP-LOG-001", 1, 1, 0, "aws_ecs_task_definition.mixed")]
    [InlineData("ecs.tf", "SHP-LOG-001", 0, 2, 1, null)]
    public void Scan_ValueFromVariableOrParameterWithoutDefault_IsUnresolvedNotPassed(string fixture, string ruleId, int pass, int fail, int unresolved, string? failing)
    {
        var report = Scan(fixture);

        Assert.Equal(new CheckCounts(pass, fail, NotApplicable: 0, unresolved), report.Checks.Single(c => c.RuleId == ruleId).Counts);
        // Only the literal bad values are findings; what could not be decided is not one.
        var findings = report.Findings.Where(f => f.RuleId == ruleId).Select(f => f.Resource.Address).ToList();
        Assert.Equal(fail, findings.Count);
        if (failing is not null)
        {
            Assert.Equal(failing, Assert.Single(findings));
        }
    }

    [Fact]
    public void JsonReport_UnresolvedResource_IsCountedInTheRuleRecord()
    {
        var report = Scan("listeners.yaml");

        using var json = JsonDocument.Parse(ReportOutput.Text(new JsonReportWriter(), report));
        var record = json.RootElement.GetProperty("checks").GetProperty("rules").EnumerateArray()
            .Single(r => r.GetProperty("ruleId").GetString() == "SHP-NET-016");

        Assert.Equal(3, record.GetProperty("checked").GetInt32());
        Assert.Equal(1, record.GetProperty("pass").GetInt32());
        Assert.Equal(1, record.GetProperty("fail").GetInt32());
        Assert.Equal(1, record.GetProperty("unresolved").GetInt32());
        Assert.Equal(1, record.GetProperty("byKind").EnumerateObject().Single().Value.GetProperty("unresolved").GetInt32());
        Assert.Equal("LegacyListener", Assert.Single(record.GetProperty("failing").EnumerateArray()).GetProperty("address").GetString());
    }
}
