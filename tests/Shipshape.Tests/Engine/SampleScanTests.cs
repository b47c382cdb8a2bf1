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
            ("SHP-LOG-010", "cloudformation.yaml", 12),
            ("SHP-LOG-011", "cloudformation.yaml", 18),
            ("SHP-NET-012", "cloudformation.yaml", 28),
            ("SHP-NET-013", "cloudformation.yaml", 30),
            ("SHP-NET-010", "cloudformation.yaml", 32),
            ("SHP-NET-013", "cloudformation.yaml", 37),
            ("SHP-NET-010", "cloudformation.yaml", 38),
            ("SHP-NET-010", "cloudformation.yaml", 38),
            ("SHP-NET-011", "cloudformation.yaml", 38),
            ("SHP-IAM-114", "cloudformation.yaml", 47),
            ("SHP-IAM-002", "cloudformation.yaml", 57),
            ("SHP-SEC-001", "cloudformation.yaml", 71),
            ("SHP-CTR-034", "cloudformation.yaml", 84),
            ("SHP-NET-014", "cloudformation.yaml", 88),
            ("SHP-NET-015", "cloudformation.yaml", 100),
            ("SHP-NET-016", "cloudformation.yaml", 112),
            ("SHP-NET-017", "cloudformation.yaml", 125),
            ("SHP-CMP-002", "cloudformation.yaml", 132),
            ("SHP-CTR-030", "cloudformation.yaml", 132),
            ("SHP-CTR-031", "cloudformation.yaml", 132),
            ("SHP-CTR-032", "cloudformation.yaml", 132),
            ("SHP-CMP-003", "cloudformation.yaml", 136),
            ("SHP-LOG-018", "cloudformation.yaml", 136),
            ("SHP-LOG-012", "cloudformation.yaml", 140),
            ("SHP-LOG-013", "cloudformation.yaml", 140),
            ("SHP-LOG-014", "cloudformation.yaml", 140),
            ("SHP-LOG-015", "cloudformation.yaml", 140),
            ("SHP-LOG-016", "cloudformation.yaml", 140),
            ("SHP-LOG-017", "cloudformation.yaml", 140),
            ("SHP-SEC-010", "cloudformation.yaml", 150),
            ("SHP-SEC-011", "cloudformation.yaml", 151),
            ("SHP-SEC-012", "cloudformation.yaml", 157),
            ("SHP-CMP-001", "cloudformation.yaml", 169),
            ("SHP-CMP-004", "eks.yaml", 14),
            ("SHP-LOG-019", "eks.yaml", 14),
            ("SHP-NET-018", "eks.yaml", 21),
            ("SHP-NET-019", "eks.yaml", 29),
            ("SHP-CTR-033", "eks.yaml", 46),
            ("SHP-IAM-114", "iam.yaml", 13),
            ("SHP-IAM-115", "iam.yaml", 13),
            ("SHP-IAM-100", "iam.yaml", 16),
            ("SHP-IAM-118", "iam.yaml", 18),
            ("SHP-IAM-105", "iam.yaml", 38),
            ("SHP-IAM-116", "iam.yaml", 49),
            ("SHP-IAM-109", "iam.yaml", 70),
            ("SHP-IAM-103", "iam.yaml", 79),
            ("SHP-IAM-106", "iam.yaml", 79),
            ("SHP-IAM-107", "iam.yaml", 79),
            ("SHP-IAM-112", "iam.yaml", 79),
            ("SHP-IAM-101", "iam.yaml", 85),
            ("SHP-IAM-103", "iam.yaml", 87),
            ("SHP-IAM-105", "iam.yaml", 87),
            ("SHP-IAM-104", "iam.yaml", 91),
            ("SHP-IAM-102", "iam.yaml", 95),
            ("SHP-IAM-110", "iam.yaml", 101),
            ("SHP-IAM-108", "iam.yaml", 105),
            ("SHP-IAM-111", "iam.yaml", 107),
            ("SHP-IAM-113", "iam.yaml", 117),
            ("SHP-IAM-100", "iam.yaml", 126),
            ("SHP-IAM-107", "iam.yaml", 126),
            ("SHP-IAM-119", "iam.yaml", 137),
            ("SHP-IAM-120", "iam.yaml", 149),
            ("SHP-IAM-117", "iam.yaml", 156),
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
    public void Scan_InsecureSample_CoversEveryTaskDefinitionAndCloudFormationRule()
    {
        var report = Scan("ecs-insecure");

        // Task definitions and CloudFormation templates exercise every rule over those sources.
        var rules = Catalog.Metadata.Values.Where(m => m.Sources.Contains("ecs-task-definition") || m.Sources.Contains("cloudformation")).Select(m => m.Id);
        Assert.Equal(rules, report.Findings.Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Scan_HardenedSample_ReportsNothing()
    {
        var report = Scan("ecs-hardened");

        Assert.Empty(report.Findings);
        Assert.Empty(report.Diagnostics);
        Assert.Equal((7, 35), (report.FilesScanned, report.Resources));
    }
}
