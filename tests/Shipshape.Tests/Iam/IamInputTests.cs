using Shipshape.Core.Model;
using Shipshape.Engine;
using Shipshape.Rules;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Iam;

/// <summary>Standalone policy files and `aws iam get-account-authorization-details` snapshots, read into the model and scanned.</summary>
public sealed class IamInputTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();

    private static Core.ScanReport Scan(string file) =>
        new Scanner(Catalog).Scan(new ScanOptions { Paths = [TestPaths.Fixture("iam", file)] });

    [Fact]
    public void Scan_StandalonePolicyFile_ReportsUnscopedClusterActions()
    {
        var report = Scan("deploy-policy.json");

        Assert.Empty(report.Diagnostics);
        var finding = Assert.Single(report.Findings, f => f.RuleId == "SHP-IAM-106");
        Assert.Equal(("deploy-policy", "AWS::IAM::Policy", 4), (finding.Resource.Address, finding.Resource.Kind, finding.Location.StartLine));
        Assert.Contains("ecs:RunTask, ecs:StopTask", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_StandaloneTrustPolicy_ReadAsRoleTrust()
    {
        var report = Scan("task-trust-policy.json");

        var finding = Assert.Single(report.Findings);
        Assert.Equal(("SHP-IAM-114", "task-trust-policy", 6), (finding.RuleId, finding.Resource.Address, finding.Location.StartLine));
    }

    [Fact]
    public void Scan_AuthorizationDetails_FollowsAttachmentsAndDefaultVersions()
    {
        var report = Scan("account-authorization-details.json");

        var byRule = report.Findings.Select(f => (f.RuleId, f.Resource.Address)).Order().ToList();
        Assert.Contains(("SHP-IAM-100", "Admins"), byRule);
        // The default version (v2) of the customer managed policy is analysed, and it reaches the role that attaches it.
        Assert.Contains(("SHP-IAM-109", "deploy"), byRule);
        Assert.Contains(("SHP-IAM-112", "arn:aws:iam::111122223333:policy/deploy"), byRule);
        // The URL-encoded trust policy is decoded.
        Assert.Contains(("SHP-IAM-119", "deploy"), byRule);
        // AWS managed policies are not reported on their own.
        Assert.DoesNotContain(byRule, x => x.Address.Contains(":iam::aws:policy/", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_AuthorizationDetails_MapsEveryListIntoTheModel()
    {
        var reader = new Shipshape.Ingest.Iam.AuthorizationDetailsReader();
        var bytes = File.ReadAllBytes(TestPaths.Fixture("iam", "account-authorization-details.json"));
        var root = Shipshape.Ingest.Syntax.JsonSyntaxParser.Parse("details.json", bytes).Roots.Single();

        var resources = reader.Read("details.json", root).Resources;

        Assert.True(reader.CanRead(root));
        Assert.Equal(["deploy", "alice", "Admins", "arn:aws:iam::111122223333:policy/deploy", "arn:aws:iam::aws:policy/ReadOnlyAccess"],
            resources.Select(r => r.Address));
        var role = Assert.IsType<IamRole>(resources[0]);
        Assert.Equal("AWS:arn:aws:iam::111122223333:root", role.TrustPolicy!.Statements[0].Principals[0].Current);
        Assert.Equal(["arn:aws:iam::111122223333:policy/deploy"], role.ManagedPolicies.Select(v => v.Current));
        var policy = Assert.IsType<IamPolicy>(resources[3]);
        Assert.Equal(3, policy.Document!.Statements[0].Actions.Length);
    }
}
