using Shipshape.Core;
using Shipshape.Engine;
using Shipshape.Engine.Baselines;
using Shipshape.Engine.Configuration;
using Shipshape.Rules;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Engine;

public sealed class ScannerTests : IDisposable
{
    // A task definition in the register-task-definition shape with one documented insecure setting.
    private const string PrivilegedJson = """
        {
          "family": "app",
          "containerDefinitions": [
            {
              "name": "web",
              "image": "nginx",
              "privileged": true
            }
          ]
        }
        """;

    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private ScanReport Scan(ScanOptions? options = null) =>
        new Scanner(Catalog).Scan((options ?? new ScanOptions()) with { Paths = [_tree.Root] }).RelativeTo(_tree.Root);

    [Fact]
    public void Scan_PrivilegedContainer_ReportsRuleAtLineOfValue()
    {
        _tree.Write("td/app.json", PrivilegedJson);

        var report = Scan(new ScanOptions { OnlyRules = ["SHP-CTR-001"] });

        var f = Assert.Single(report.Findings);
        Assert.Equal(("SHP-CTR-001", "td/app.json", 7), (f.RuleId, f.Location.Path, f.Location.StartLine));
        Assert.Equal(("app", "AWS::ECS::TaskDefinition", "containerDefinitions[web].privileged"), (f.Resource.Address, f.Resource.Kind, f.Resource.Path));
        Assert.Equal(1, report.FilesScanned);
        Assert.Equal(1, report.Resources);
        Assert.True(report.Fails);
    }

    [Fact]
    public void Scan_MalformedAndGoodFiles_ReportsDiagnosticAndStillScansTheRest()
    {
        _tree.Write("a-broken.json", "{\n  \"family\": \"x\",\n  \"containerDefinitions\": [\n    {\"name\": }\n  ]\n}\n");
        _tree.Write("b-good.json", PrivilegedJson);
        _tree.Write("c-empty.json", string.Empty);
        _tree.Write("d-nested.json", new string('[', 50_000) + new string(']', 50_000));

        var report = Scan(new ScanOptions { OnlyRules = ["SHP-CTR-001"] });

        Assert.Equal(["a-broken.json", "d-nested.json"], report.Diagnostics.Select(d => d.Location.Path));
        Assert.Equal(4, report.Diagnostics[0].Location.StartLine);
        Assert.All(report.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.Equal("b-good.json", Assert.Single(report.Findings).Location.Path);
    }

    [Fact]
    public void Scan_YamlAliasBomb_ReportsDiagnosticQuickly()
    {
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 12; i++)
        {
            lines.Add($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]");
        }

        _tree.Write("bomb.yaml", string.Join('\n', lines));

        var report = Scan();

        Assert.Contains("aliases", Assert.Single(report.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_InlineSuppressionInYaml_MarksFindingSuppressedWithReason()
    {
        _tree.Write("td.yaml", "family: app\ncontainerDefinitions:\n  - name: web\n    image: nginx\n    # shipshape:ignore SHP-CTR-001 needs /dev access for the GPU driver\n    privileged: true\n");

        var report = Scan(new ScanOptions { OnlyRules = ["SHP-CTR-001"] });

        var f = Assert.Single(report.Findings);
        Assert.Equal(new Suppression(SuppressionKind.Inline, "needs /dev access for the GPU driver"), f.Suppression);
        Assert.False(report.Fails);
    }

    [Fact]
    public void Scan_ConfigIgnoreByPathAndResource_SuppressesOnlyMatches()
    {
        _tree.Write("prod/app.json", PrivilegedJson);
        _tree.Write("dev/app.json", PrivilegedJson);
        _tree.Write(".shipshape.yaml", "ignore:\n  - rule: SHP-CTR-001\n    path: \"dev/**\"\n    resource: app\n    reason: dev only\n");

        var report = Scan(new ScanOptions { OnlyRules = ["SHP-CTR-001"] });

        Assert.Equal([("dev/app.json", true), ("prod/app.json", false)], report.Findings.Select(f => (f.Location.Path, f.Suppressed)));
        Assert.Equal(SuppressionKind.Config, report.Findings[0].Suppression!.Kind);
    }

    [Fact]
    public void Scan_ExpiredIgnore_NoLongerAppliesAndWarns()
    {
        _tree.Write("app.json", PrivilegedJson);
        _tree.Write(".shipshape.yaml", "ignore:\n  - rule: SHP-CTR-001\n    reason: temporary\n    expires: 2026-01-31\n");

        var report = Scan(new ScanOptions { OnlyRules = ["SHP-CTR-001"], Today = new DateOnly(2026, 2, 1) });

        Assert.False(Assert.Single(report.Findings).Suppressed);
        Assert.Contains(report.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Message.Contains("expired on 2026-01-31", StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_WithBaseline_OnlyNewFindingsCount()
    {
        _tree.Write("app.json", PrivilegedJson);
        var first = Scan(new ScanOptions { OnlyRules = ["SHP-CTR-001"] });
        var baselinePath = Path.Combine(Path.GetTempPath(), $"baseline-{Guid.NewGuid():N}.json");
        using (var file = File.Create(baselinePath))
        {
            Baseline.Write(first, file);
        }

        // Lines move and a new task definition appears: the old finding stays baselined, the new one counts.
        _tree.Write("app.json", "\n\n" + PrivilegedJson);
        _tree.Write("new.json", PrivilegedJson.Replace("\"app\"", "\"other\"", StringComparison.Ordinal));
        var second = Scan(new ScanOptions { OnlyRules = ["SHP-CTR-001"], BaselinePath = baselinePath });
        File.Delete(baselinePath);

        Assert.Equal([("app.json", SuppressionKind.Baseline), ("new.json", (SuppressionKind?)null)],
            second.Findings.Select(f => (f.Location.Path, f.Suppression?.Kind)));
        Assert.Equal(first.Findings[0].Fingerprint, second.Findings[0].Fingerprint);
        Assert.Equal(1, second.Summary.Findings);
    }

    [Fact]
    public void Scan_SeverityOverrideAndFailOn_DecideFailure()
    {
        _tree.Write("app.json", PrivilegedJson);
        _tree.Write(".shipshape.yaml", "rules:\n  severity:\n    SHP-CTR-001: low\n");

        var report = Scan(new ScanOptions { OnlyRules = ["SHP-CTR-001"] });
        var strict = Scan(new ScanOptions { OnlyRules = ["SHP-CTR-001"], FailOn = Severity.Low });

        Assert.Equal(Severity.Low, Assert.Single(report.Findings).Severity);
        Assert.False(report.Fails);
        Assert.True(strict.Fails);
    }

    [Fact]
    public void Scan_UnknownRuleId_IsConfigurationError()
    {
        var ex = Assert.Throws<ConfigException>(() => Scan(new ScanOptions { SkipRules = ["SHP-NOPE-001"] }));

        Assert.Contains("SHP-NOPE-001", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_SkipRule_RemovesItsFindings()
    {
        _tree.Write("app.json", PrivilegedJson);

        var report = Scan(new ScanOptions { SkipRules = ["SHP-CTR-001"] });

        Assert.DoesNotContain(report.Findings, f => f.RuleId == "SHP-CTR-001");
        Assert.NotEmpty(report.Findings);
    }

    [Fact]
    public void Scan_TwiceOnSameTree_GivesIdenticalOrderedFindings()
    {
        _tree.Write("b.json", PrivilegedJson);
        _tree.Write("a.yaml", "family: z\ncontainerDefinitions:\n  - name: c\n    image: busybox:latest\n");

        var one = Scan();
        var two = Scan();

        Assert.Equal(one.Findings.Select(f => f.Fingerprint), two.Findings.Select(f => f.Fingerprint));
        var keys = one.Findings.Select(f => (f.Location.Path, f.Location.StartLine)).ToList();
        Assert.Equal(keys.OrderBy(k => k.Path, StringComparer.Ordinal).ThenBy(k => k.StartLine), keys);
    }

    [Fact]
    public void Scan_CloudFormationTaskDefinition_SameRuleFiresWithLogicalIdAndMetadataSuppression()
    {
        _tree.Write("stack.yaml", """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              AppTask:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  ContainerDefinitions:
                    - Name: web
                      Image: nginx
                      Privileged: true
              OtherTask:
                Type: AWS::ECS::TaskDefinition
                Metadata:
                  aws:cdk:path: Stack/Other/Resource
                  shipshape:
                    ignore:
                      - id: SHP-CTR-001
                        reason: needs the GPU device
                Properties:
                  ContainerDefinitions:
                    - Name: gpu
                      Image: nginx
                      Privileged: "true"
            """);

        var report = Scan(new ScanOptions { OnlyRules = ["SHP-CTR-001"] });

        Assert.Equal(
            [("AppTask", 9, "ContainerDefinitions[web].Privileged", false), ("OtherTask", 22, "ContainerDefinitions[gpu].Privileged", true)],
            report.Findings.Select(f => (f.Resource.Address, f.Location.StartLine, f.Resource.Path!, f.Suppressed)));
        Assert.Equal("Stack/Other/Resource", report.Findings[1].Resource.DisplayName);
        Assert.Equal("needs the GPU device", report.Findings[1].Suppression!.Reason);
    }
}
