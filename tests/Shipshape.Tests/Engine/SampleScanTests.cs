using Shipshape.Engine;
using Shipshape.Rules;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Engine;

/// <summary>The bundled samples are the product's demonstration: every rule fires on the insecure one, none on the hardened one.</summary>
public sealed class SampleScanTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();

    private static Shipshape.Core.ScanReport Scan(string sample) =>
        new Scanner(Catalog).Scan(new ScanOptions { Paths = [Path.Combine(TestPaths.Samples, sample)] });

    [Fact]
    public void Scan_InsecureSample_ReportsEachExpectedFindingAtItsLine()
    {
        // Lines checked by hand against samples/ecs-insecure: the offending value, or for a missing field
        // the container's name (or the container object for a missing logConfiguration).
        (string Rule, string Path, int Line)[] expected =
        [
            ("SHP-CTR-008", "api.json", 12),
            ("SHP-CTR-008", "batch.yaml", 11),
            ("SHP-CTR-002", "batch.yaml", 12),
            ("SHP-LOG-002", "batch.yaml", 20),
            ("SHP-CTR-003", "batch.yaml", 22),
            ("SHP-CTR-005", "batch.yaml", 22),
            ("SHP-CTR-008", "batch.yaml", 23),
            ("SHP-IAM-001", "web.json", 2),
            ("SHP-NET-001", "web.json", 3),
            ("SHP-NET-003", "web.json", 4),
            ("SHP-NET-004", "web.json", 5),
            ("SHP-LOG-001", "web.json", 10),
            ("SHP-CTR-002", "web.json", 11),
            ("SHP-CTR-003", "web.json", 11),
            ("SHP-CTR-006", "web.json", 12),
            ("SHP-CTR-007", "web.json", 12),
            ("SHP-CTR-008", "web.json", 12),
            ("SHP-CTR-001", "web.json", 15),
            ("SHP-CTR-005", "web.json", 17),
            ("SHP-CTR-004", "web.json", 18),
            ("SHP-CTR-004", "web.json", 18),
            ("SHP-NET-005", "web.json", 23),
            ("SHP-SEC-001", "web.json", 26),
            ("SHP-SEC-002", "web.json", 27),
            ("SHP-NET-002", "worker.describe.json", 6),
            ("SHP-IAM-002", "worker.describe.json", 7),
            ("SHP-CTR-005", "worker.describe.json", 11),
            ("SHP-CTR-009", "worker.describe.json", 11),
            ("SHP-CTR-006", "worker.describe.json", 12),
            ("SHP-CTR-007", "worker.describe.json", 12),
            ("SHP-CTR-008", "worker.describe.json", 12),
            ("SHP-CTR-002", "worker.describe.json", 14),
            ("SHP-CTR-003", "worker.describe.json", 15),
            ("SHP-LOG-002", "worker.describe.json", 17),
            ("SHP-SEC-003", "worker.describe.json", 20),
            ("SHP-NET-006", "worker.describe.json", 30),
            ("SHP-NET-007", "worker.describe.json", 30),
        ];

        var report = Scan("ecs-insecure");

        Assert.Empty(report.Diagnostics);
        Assert.Equal(expected, report.Findings.Select(f => (f.RuleId, f.Location.Path, f.Location.StartLine)));
    }

    [Fact]
    public void Scan_InsecureSample_CoversEveryRuleInTheCatalogue()
    {
        var report = Scan("ecs-insecure");

        Assert.Equal(Catalog.Metadata.Keys, report.Findings.Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Scan_HardenedSample_ReportsNothing()
    {
        var report = Scan("ecs-hardened");

        Assert.Empty(report.Findings);
        Assert.Empty(report.Diagnostics);
        Assert.Equal((4, 4), (report.FilesScanned, report.Resources));
    }

    [Fact]
    public void Scan_TerraformInsecureSample_ReportsEachExpectedFindingAtItsLine()
    {
        // Lines checked by hand against samples/terraform-insecure: the offending attribute or JSON field; values that
        // come through a module's locals sit at the attribute that uses them (container_definitions = jsonencode(...)).
        (string Rule, string Path, int Line, string Address)[] expected =
        [
            ("SHP-IAM-001", "main.tf", 30, "aws_ecs_task_definition.agent"),
            ("SHP-NET-001", "main.tf", 31, "aws_ecs_task_definition.agent"),
            ("SHP-NET-003", "main.tf", 32, "aws_ecs_task_definition.agent"),
            ("SHP-NET-004", "main.tf", 33, "aws_ecs_task_definition.agent"),
            ("SHP-CTR-002", "main.tf", 38, "aws_ecs_task_definition.agent"),
            ("SHP-CTR-009", "main.tf", 38, "aws_ecs_task_definition.agent"),
            ("SHP-CTR-006", "main.tf", 39, "aws_ecs_task_definition.agent"),
            ("SHP-CTR-007", "main.tf", 39, "aws_ecs_task_definition.agent"),
            ("SHP-CTR-008", "main.tf", 39, "aws_ecs_task_definition.agent"),
            ("SHP-CTR-001", "main.tf", 40, "aws_ecs_task_definition.agent"),
            ("SHP-CTR-003", "main.tf", 41, "aws_ecs_task_definition.agent"),
            ("SHP-CTR-004", "main.tf", 43, "aws_ecs_task_definition.agent"),
            ("SHP-CTR-005", "main.tf", 43, "aws_ecs_task_definition.agent"),
            ("SHP-SEC-002", "main.tf", 46, "aws_ecs_task_definition.agent"),
            ("SHP-LOG-002", "main.tf", 48, "aws_ecs_task_definition.agent"),
            ("SHP-NET-002", "modules/ecs-task/main.tf", 23, "module.web.aws_ecs_task_definition.this"),
            ("SHP-CTR-002", "modules/ecs-task/main.tf", 26, "module.web.aws_ecs_task_definition.this"),
            ("SHP-CTR-003", "modules/ecs-task/main.tf", 26, "module.api.aws_ecs_task_definition.this"),
            ("SHP-CTR-003", "modules/ecs-task/main.tf", 26, "module.web.aws_ecs_task_definition.this"),
            ("SHP-CTR-005", "modules/ecs-task/main.tf", 26, "module.api.aws_ecs_task_definition.this"),
            ("SHP-CTR-005", "modules/ecs-task/main.tf", 26, "module.web.aws_ecs_task_definition.this"),
            ("SHP-CTR-006", "modules/ecs-task/main.tf", 26, "module.web.aws_ecs_task_definition.this"),
            ("SHP-CTR-007", "modules/ecs-task/main.tf", 26, "module.web.aws_ecs_task_definition.this"),
            ("SHP-CTR-008", "modules/ecs-task/main.tf", 26, "module.api.aws_ecs_task_definition.this"),
            ("SHP-CTR-008", "modules/ecs-task/main.tf", 26, "module.web.aws_ecs_task_definition.this"),
            ("SHP-CTR-009", "modules/ecs-task/main.tf", 26, "module.api.aws_ecs_task_definition.this"),
            ("SHP-CTR-009", "modules/ecs-task/main.tf", 26, "module.web.aws_ecs_task_definition.this"),
            ("SHP-LOG-001", "modules/ecs-task/main.tf", 26, "module.api.aws_ecs_task_definition.this"),
            ("SHP-LOG-001", "modules/ecs-task/main.tf", 26, "module.web.aws_ecs_task_definition.this"),
            ("SHP-NET-005", "modules/ecs-task/main.tf", 26, "module.api.aws_ecs_task_definition.this"),
            ("SHP-NET-005", "modules/ecs-task/main.tf", 26, "module.web.aws_ecs_task_definition.this"),
            ("SHP-SEC-001", "modules/ecs-task/main.tf", 26, "module.web.aws_ecs_task_definition.this"),
            ("SHP-SEC-003", "modules/ecs-task/main.tf", 26, "module.api.aws_ecs_task_definition.this"),
            ("SHP-NET-006", "modules/ecs-task/main.tf", 32, "module.api.aws_ecs_task_definition.this"),
            ("SHP-NET-007", "modules/ecs-task/main.tf", 32, "module.api.aws_ecs_task_definition.this"),
            ("SHP-IAM-002", "plan.json", 22, "aws_ecs_task_definition.worker"),
            ("SHP-CTR-002", "plan.json", 24, "aws_ecs_task_definition.worker"),
            ("SHP-CTR-003", "plan.json", 24, "aws_ecs_task_definition.worker"),
            ("SHP-CTR-005", "plan.json", 24, "aws_ecs_task_definition.worker"),
            ("SHP-CTR-008", "plan.json", 24, "aws_ecs_task_definition.worker"),
            ("SHP-CTR-002", "plan.json", 57, "module.batch.aws_ecs_task_definition.this"),
            ("SHP-CTR-003", "plan.json", 57, "module.batch.aws_ecs_task_definition.this"),
            ("SHP-CTR-005", "plan.json", 57, "module.batch.aws_ecs_task_definition.this"),
            ("SHP-CTR-008", "plan.json", 57, "module.batch.aws_ecs_task_definition.this"),
        ];

        var report = Scan("terraform-insecure");

        Assert.Empty(report.Diagnostics);
        Assert.Equal(expected, report.Findings.Select(f => (f.RuleId, f.Location.Path, f.Location.StartLine, f.Resource.Address)));
    }

    [Fact]
    public void Scan_TerraformInsecureSample_CoversEveryRuleInTheCatalogue()
    {
        var report = Scan("terraform-insecure");

        Assert.Equal(Catalog.Metadata.Keys, report.Findings.Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Scan_TerraformHardenedSample_ReportsNothingAndResolvesEveryContainer()
    {
        var report = Scan("terraform-hardened");

        Assert.Empty(report.Findings);
        Assert.Empty(report.Diagnostics);
        Assert.Equal((4, 2), (report.FilesScanned, report.Resources));

        // Clean because the values are known and good, not because they were unresolved.
        var files = Shipshape.Ingest.Discovery.FileDiscovery.Discover(new Shipshape.Ingest.Discovery.DiscoveryOptions { Roots = [Path.Combine(TestPaths.Samples, "terraform-hardened")] }).Files;
        var tasks = new Shipshape.Ingest.Terraform.TerraformModuleReader().Read(new Shipshape.Ingest.ModuleReadRequest(files), CancellationToken.None)
            .Result.Resources.OfType<Shipshape.Core.Model.TaskDefinition>().OrderBy(t => t.Address, StringComparer.Ordinal).ToList();
        Assert.Equal(["module.api.aws_ecs_task_definition.this", "module.web.aws_ecs_task_definition.this"], tasks.Select(t => t.Address));
        Assert.All(tasks, t => Assert.True(Assert.Single(t.Containers).Image.IsExplicit));
        Assert.True(Assert.Single(tasks[0].Volumes).Efs!.TransitEncryption is { IsExplicit: true, Current: true });
    }
}
