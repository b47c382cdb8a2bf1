using Shipshape.Core;
using Shipshape.Engine;
using Shipshape.Rules;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Engine;

/// <summary>
/// The evaluation records on samples/ecs-insecure, read from its files: six ECS task definitions (api.json, web.json,
/// worker.describe.json and batch.yaml as task-definition files; one in cloudformation.yaml, one in iam.yaml), and
/// deploy-key.pem holding a private key.
/// </summary>
public sealed class EvaluationRecordTests
{
    private static readonly ScanReport Report = new Scanner(RuleCatalog.CreateDefault())
        .Scan(new ScanOptions { Paths = [Path.Combine(TestPaths.Samples, "ecs-insecure")] });

    private static RuleCheck Check(string ruleId) => Report.Checks.Single(c => c.RuleId == ruleId);

    [Fact]
    public void Scan_RuleForTemplatesOnly_CountsTaskDefinitionFilesAsNotApplicable()
    {
        // SHP-IAM-116 reads CloudFormation and Terraform only: the four task-definition files are not applicable.
        var check = Check("SHP-IAM-116");

        Assert.Equal(4, check.Counts.NotApplicable);
        Assert.Equal(2, check.Counts.Checked);
    }

    [Fact]
    public void Scan_ContentRule_EvaluatesEveryScannedFile()
    {
        var check = Check("SHP-SEC-101");

        Assert.Equal(Report.FilesScanned, check.ByKind["file"].Checked);
        Assert.Contains(check.Failing, f => f.Path.EndsWith("samples/ecs-insecure/deploy-key.pem", StringComparison.Ordinal) && f.Kind == "file");
    }

    [Fact]
    public void Scan_EveryRuleThatRan_HasARecordAndFailsWhereItsFindingsAre()
    {
        Assert.Equal(Report.Rules.Keys, Report.Checks.Select(c => c.RuleId));
        foreach (var group in Report.Findings.GroupBy(f => f.RuleId))
        {
            var failing = Check(group.Key).Failing.Select(f => (f.Address, f.Kind)).ToHashSet();
            Assert.All(group, f => Assert.Contains((f.Resource.Address, f.Resource.Kind), failing));
        }

        Assert.True(Report.CheckedByPractice[Practice.HostAndContainer] >= 6);
    }
}
