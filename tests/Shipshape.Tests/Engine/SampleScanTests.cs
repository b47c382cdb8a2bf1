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
            ("SHP-CMP-100", "customers.csv", 2),
            ("SHP-CMP-101", "customers.csv", 3),
            ("SHP-SEC-101", "deploy-key.pem", 1),
            ("SHP-SEC-100", "release.env", 2),
            ("SHP-SEC-102", "release.env", 3),
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
}
