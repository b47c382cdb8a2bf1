using System.Text;
using System.Text.Json;
using Shipshape.Core;
using Shipshape.Engine;
using Shipshape.Reporting;
using Shipshape.Rules;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Reporting;

/// <summary>
/// Compliance views of the bundled samples, with expected verdicts read from the sample files: ecs-insecure/web.json
/// sets privileged on container 'web' of family shop-web; ecs-hardened has six ECS task definitions (api.json,
/// web.json, worker.describe.json, batch.yaml's shop-report, one in cloudformation.yaml and one in iam.yaml), none privileged;
/// compose-insecure's service 'app' mounts /var/run/docker.sock (docker-compose.yml line 21), compose-hardened does not.
/// </summary>
public sealed class ComplianceReportTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();
    private static readonly FrameworkCatalog Frameworks = FrameworkCatalog.CreateDefault(Catalog);

    private static ScanReport Scan(string sample) =>
        new Scanner(Catalog).Scan(new ScanOptions { Paths = [Path.Combine(TestPaths.Samples, sample)] });

    private static ComplianceOptions Options(string framework)
    {
        var f = Frameworks.Find(framework)!;
        return new ComplianceOptions(f, Frameworks.RulesFor(f));
    }

    private static RequirementResult Requirement(ScanReport report, string framework, string id) =>
        ComplianceView.Build(report, Options(framework)).Requirements.Single(r => r.Requirement.Id == id);

    [Fact]
    public void Build_EcsInsecure_Ecs4FailsWithThePrivilegedTaskDefinition()
    {
        var result = Requirement(Scan("ecs-insecure"), "aws-fsbp", "ECS.4");

        Assert.Equal(ComplianceVerdict.Fail, result.Verdict);
        var (ruleId, check) = Assert.Single(result.Rules);
        Assert.Equal("SHP-CTR-001", ruleId);
        var failing = Assert.Single(check!.Failing);
        Assert.Equal("shop-web", failing.Address);
        Assert.Equal("AWS::ECS::TaskDefinition", failing.Kind);
        Assert.EndsWith("samples/ecs-insecure/web.json", failing.Path, StringComparison.Ordinal);
        Assert.Equal(6, check.Counts.Checked);
        Assert.Equal(5, check.Counts.Pass);
    }

    [Fact]
    public void Build_EcsHardened_Ecs4PassesWithSixTaskDefinitionsChecked()
    {
        var result = Requirement(Scan("ecs-hardened"), "aws-fsbp", "ECS.4");

        Assert.Equal(ComplianceVerdict.Pass, result.Verdict);
        Assert.Equal(new CheckCounts(6, 0, 0, 0), result.Counts);
        Assert.Equal(6, result.Rules.Single().Check!.ByKind["AWS::ECS::TaskDefinition"].Pass);
    }

    [Fact]
    public void Build_ComposeSamples_Pci226FailsOnTheSocketMountAndHoldsWhenFixed()
    {
        var insecure = Requirement(Scan("compose-insecure"), "pci-dss-4.0", "2.2.6");
        var hardened = Requirement(Scan("compose-hardened"), "pci-dss-4.0", "2.2.6");

        Assert.Equal(ComplianceVerdict.Fail, insecure.Verdict);
        var socket = insecure.Rules.Single(r => r.RuleId == "SHP-CTR-011").Check!;
        Assert.Equal("app", Assert.Single(socket.Failing).Address);
        Assert.Equal(ComplianceVerdict.Pass, hardened.Verdict);
        Assert.Equal(0, hardened.Counts.Fail);
        Assert.True(hardened.Counts.Pass > 0);
    }

    [Fact]
    public void Build_ComposeInsecure_Nist800190SecretsAndRuntimeConfigurationFail()
    {
        var report = Scan("compose-insecure");

        // docker-compose.yml line 17 and Dockerfile line 4 set secret values in the environment; line 21 mounts the socket.
        var secrets = Requirement(report, "nist-800-190", "4.1.4");
        var runtime = Requirement(report, "nist-800-190", "4.4.3");

        Assert.Equal(ComplianceVerdict.Fail, secrets.Verdict);
        Assert.Equal(ComplianceVerdict.Fail, runtime.Verdict);
        Assert.Equal("app", Assert.Single(runtime.Rules.Single(r => r.RuleId == "SHP-CTR-011").Check!.Failing).Address);
        Assert.Equal(ComplianceVerdict.Manual, Requirement(report, "nist-800-190", "4.5.2").Verdict);
    }

    // The Deployment of the Kubernetes documentation's "Deployments" page, which names no serviceAccountName.
    private const string NginxDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: nginx-deployment
          labels:
            app: nginx
        spec:
          replicas: 3
          selector:
            matchLabels:
              app: nginx
          template:
            metadata:
              labels:
                app: nginx
            spec:
              containers:
              - name: nginx
                image: nginx:1.14.2
                ports:
                - containerPort: 80
        """;

    private static ScanReport ScanTree(params (string Name, string Content)[] files)
    {
        using var tree = new TempTree();
        foreach (var (name, content) in files)
        {
            tree.Write(name, content);
        }

        return new Scanner(Catalog).Scan(new ScanOptions { Paths = [tree.Root] });
    }

    [Theory]
    [InlineData("4.1.1")]
    [InlineData("4.1.2")]
    [InlineData("4.1.3")]
    [InlineData("4.1.4")]
    [InlineData("4.1.5")]
    [InlineData("4.1.8")]
    public void Build_NamespaceWithoutRolesOrBindings_CisEksRbacRequirementIsNotApplicable(string id)
    {
        var report = ScanTree(("deployment.yaml", NginxDeployment), ("namespace.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n"));

        var result = Requirement(report, "cis-eks", id);

        Assert.Equal(ComplianceVerdict.NotApplicable, result.Verdict);
        Assert.Equal(0, result.Counts.Checked);
    }

    [Theory]
    [InlineData("4.1.2", "SHP-IAM-052")]
    [InlineData("4.1.4", "SHP-IAM-057")]
    [InlineData("4.1.8", "SHP-IAM-056")]
    public void Build_ClusterRoleGrantingEverything_CisEksRequirementFailsCoveredByTheWildcardFinding(string id, string ruleId)
    {
        // The wildcard rule of the Kubernetes RBAC documentation ("*" API groups, resources and verbs).
        var report = ScanTree(("everything.yaml", """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: everything
            rules:
            - apiGroups: ["*"]
              resources: ["*"]
              verbs: ["*"]
            """));

        var result = Requirement(report, "cis-eks", id);

        Assert.Equal(ComplianceVerdict.Fail, result.Verdict);
        var check = result.Rules.Single(r => r.RuleId == ruleId).Check!;
        var failing = Assert.Single(check.Failing);
        Assert.Equal("ClusterRole/everything", failing.Address);
        Assert.Equal("SHP-IAM-051", failing.CoveredBy);
        Assert.Equal("SHP-IAM-051", Assert.Single(report.Findings).RuleId);
    }

    [Fact]
    public void Scan_K8sInsecure_EveryWorkloadOfTheNamespaceWithoutNetworkPolicyFailsNet050()
    {
        // samples/k8s-insecure: namespace 'shop' runs Deployment web (web.yaml) and CronJob report (worker.yaml) and has
        // no NetworkPolicy; namespace 'default' runs DaemonSet node-agent (access.yaml), none either.
        var report = Scan("k8s-insecure");

        var check = report.Checks.Single(c => c.RuleId == "SHP-NET-050");
        Assert.Equal(0, check.Counts.Pass);
        Assert.Equal(
            ["CronJob/shop/report", "DaemonSet/default/node-agent", "Deployment/shop/web"],
            check.Failing.Select(f => f.Address).Order(StringComparer.Ordinal));
        Assert.Equal("SHP-NET-050", check.Failing.Single(f => f.Address == "CronJob/shop/report").CoveredBy);
        Assert.Equal(2, report.Findings.Count(f => f.RuleId == "SHP-NET-050"));
    }

    [Fact]
    public void Build_RequirementWithoutRules_IsManual()
    {
        var result = Requirement(Scan("ecs-hardened"), "hipaa", "164.312(d)");

        Assert.Equal(ComplianceVerdict.Manual, result.Verdict);
        Assert.Empty(result.Rules);
    }

    [Fact]
    public void Build_MappedRulesThatDidNotRun_AreNotRun()
    {
        var report = new Scanner(Catalog).Scan(new ScanOptions { Paths = [Path.Combine(TestPaths.Samples, "ecs-hardened")], OnlyRules = ["SHP-NET-003"] });

        Assert.Equal(ComplianceVerdict.NotRun, Requirement(report, "aws-fsbp", "ECS.4").Verdict);
        Assert.Equal(ComplianceVerdict.Pass, Requirement(report, "aws-fsbp", "ECS.3").Verdict);
    }

    [Fact]
    public void Build_SomeMappedRulesRanAndPassedOthersDidNot_IsNotRunNotPass()
    {
        // PCI DSS 2.2.6 (secure configuration) is checked by several rules; the privileged-container rule alone passing
        // on the hardened sample says nothing about the others.
        var report = new Scanner(Catalog).Scan(new ScanOptions { Paths = [Path.Combine(TestPaths.Samples, "ecs-hardened")], OnlyRules = ["SHP-CTR-001"] });
        var requirement = Requirement(report, "pci-dss-4.0", "2.2.6");

        Assert.True(requirement.Rules.Length > 1);
        Assert.Contains(requirement.Rules, r => r.RuleId == "SHP-CTR-001" && r.Check is { Counts.Pass: > 0, Counts.Fail: 0 });
        Assert.Equal(ComplianceVerdict.NotRun, requirement.Verdict);

        // A failure is a failure whatever did not run.
        var insecure = new Scanner(Catalog).Scan(new ScanOptions { Paths = [Path.Combine(TestPaths.Samples, "ecs-insecure")], OnlyRules = ["SHP-CTR-001"] });
        Assert.Equal(ComplianceVerdict.Fail, Requirement(insecure, "pci-dss-4.0", "2.2.6").Verdict);
    }

    [Theory]
    [InlineData("console", "FAIL           ECS.4  ECS containers should run as non-privileged")]
    [InlineData("markdown", "| fail | ECS.4 ECS containers should run as non-privileged |")]
    [InlineData("html", "<td class=\"fail\">fail</td><td>ECS.4 ECS containers should run as non-privileged</td>")]
    public void Write_EcsInsecure_ShowsTheFailingRequirementAndResource(string format, string expected)
    {
        using var output = new MemoryStream();

        new ComplianceReportWriter(format, Options("aws-fsbp")).Write(Scan("ecs-insecure"), output);

        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Contains("web.json  shop-web (AWS::ECS::TaskDefinition)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Json_HasFrameworkVerdictsAndRecords()
    {
        using var output = new MemoryStream();

        new ComplianceReportWriter("json", Options("aws-fsbp")).Write(Scan("ecs-insecure"), output);

        using var json = JsonDocument.Parse(output.ToArray());
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("aws-fsbp", root.GetProperty("framework").GetProperty("id").GetString());
        var ecs4 = root.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("requirements").EnumerateArray())
            .Single(r => r.GetProperty("id").GetString() == "ECS.4");
        Assert.Equal("fail", ecs4.GetProperty("verdict").GetString());
        var rule = ecs4.GetProperty("rules")[0];
        Assert.Equal(1, rule.GetProperty("fail").GetInt32());
        Assert.Equal("shop-web", rule.GetProperty("failing")[0].GetProperty("address").GetString());
    }
}
