using Shipshape.Engine;
using Shipshape.Rules;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Engine;

/// <summary>The bundled samples are the product's demonstration: every rule fires on the insecure one, none on the hardened one.</summary>
public sealed class SampleScanTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();

    private static Shipshape.Core.ScanReport Scan(string sample) =>
        new Scanner(Catalog).Scan(new ScanOptions { Paths = [Path.Combine(TestPaths.Samples, sample)] }).RelativeTo(Path.Combine(TestPaths.Samples, sample));

    [Fact]
    public void Scan_InsecureSample_ReportsEachExpectedFindingAtItsLine()
    {
        // Lines checked by hand against samples/ecs-insecure: the offending value, or for a missing field
        // the container's name (or the container object for a missing logConfiguration).
        (string Rule, string Path, int Line)[] expected =
        [
            ("SHP-CTR-016", "api.json", 11),
            ("SHP-CTR-008", "api.json", 12),
            ("SHP-CTR-036", "batch.yaml", 6),
            ("SHP-CTR-016", "batch.yaml", 10),
            ("SHP-CTR-008", "batch.yaml", 11),
            ("SHP-CTR-002", "batch.yaml", 12),
            ("SHP-LOG-002", "batch.yaml", 20),
            ("SHP-CTR-003", "batch.yaml", 22),
            ("SHP-CTR-005", "batch.yaml", 22),
            ("SHP-CTR-008", "batch.yaml", 23),
            ("SHP-LOG-010", "cloudformation.yaml", 12),
            ("SHP-LOG-011", "cloudformation.yaml", 18),
            ("SHP-NET-022", "cloudformation.yaml", 25),
            ("SHP-NET-012", "cloudformation.yaml", 28),
            ("SHP-NET-022", "cloudformation.yaml", 29),
            ("SHP-NET-013", "cloudformation.yaml", 30),
            ("SHP-NET-010", "cloudformation.yaml", 32),
            ("SHP-NET-022", "cloudformation.yaml", 33),
            ("SHP-NET-013", "cloudformation.yaml", 37),
            ("SHP-NET-010", "cloudformation.yaml", 38),
            ("SHP-NET-010", "cloudformation.yaml", 38),
            ("SHP-NET-011", "cloudformation.yaml", 38),
            ("SHP-IAM-114", "cloudformation.yaml", 47),
            ("SHP-IAM-002", "cloudformation.yaml", 57),
            ("SHP-CTR-016", "cloudformation.yaml", 60),
            ("SHP-SEC-001", "cloudformation.yaml", 71),
            ("SHP-CTR-034", "cloudformation.yaml", 84),
            ("SHP-NET-014", "cloudformation.yaml", 88),
            ("SHP-NET-054", "cloudformation.yaml", 96),
            ("SHP-LOG-030", "cloudformation.yaml", 99),
            ("SHP-NET-024", "cloudformation.yaml", 99),
            ("SHP-NET-026", "cloudformation.yaml", 99),
            ("SHP-NET-033", "cloudformation.yaml", 99),
            ("SHP-NET-015", "cloudformation.yaml", 108),
            ("SHP-NET-016", "cloudformation.yaml", 120),
            ("SHP-NET-017", "cloudformation.yaml", 133),
            ("SHP-CMP-002", "cloudformation.yaml", 140),
            ("SHP-CTR-030", "cloudformation.yaml", 140),
            ("SHP-CTR-031", "cloudformation.yaml", 140),
            ("SHP-CTR-032", "cloudformation.yaml", 140),
            ("SHP-CMP-003", "cloudformation.yaml", 144),
            ("SHP-LOG-018", "cloudformation.yaml", 144),
            ("SHP-LOG-012", "cloudformation.yaml", 148),
            ("SHP-LOG-013", "cloudformation.yaml", 148),
            ("SHP-LOG-014", "cloudformation.yaml", 148),
            ("SHP-LOG-015", "cloudformation.yaml", 148),
            ("SHP-LOG-016", "cloudformation.yaml", 148),
            ("SHP-LOG-017", "cloudformation.yaml", 148),
            ("SHP-LOG-021", "cloudformation.yaml", 148),
            ("SHP-LOG-040", "cloudformation.yaml", 148),
            ("SHP-LOG-041", "cloudformation.yaml", 148),
            ("SHP-LOG-042", "cloudformation.yaml", 148),
            ("SHP-LOG-043", "cloudformation.yaml", 148),
            ("SHP-LOG-044", "cloudformation.yaml", 148),
            ("SHP-LOG-045", "cloudformation.yaml", 148),
            ("SHP-LOG-046", "cloudformation.yaml", 148),
            ("SHP-LOG-047", "cloudformation.yaml", 148),
            ("SHP-LOG-048", "cloudformation.yaml", 148),
            ("SHP-LOG-049", "cloudformation.yaml", 148),
            ("SHP-LOG-050", "cloudformation.yaml", 148),
            ("SHP-LOG-051", "cloudformation.yaml", 148),
            ("SHP-LOG-052", "cloudformation.yaml", 148),
            ("SHP-LOG-020", "cloudformation.yaml", 151),
            ("SHP-SEC-010", "cloudformation.yaml", 158),
            ("SHP-SEC-011", "cloudformation.yaml", 159),
            ("SHP-SEC-016", "cloudformation.yaml", 159),
            ("SHP-SEC-012", "cloudformation.yaml", 165),
            ("SHP-CMP-001", "cloudformation.yaml", 177),
            ("SHP-LOG-022", "cloudformation.yaml", 181),
            ("SHP-LOG-023", "cloudformation.yaml", 195),
            ("SHP-CMP-003", "cloudformation.yaml", 196),
            ("SHP-LOG-024", "cloudformation.yaml", 200),
            ("SHP-LOG-025", "cloudformation.yaml", 207),
            ("SHP-IAM-109", "cloudformation.yaml", 208),
            ("SHP-IAM-103", "cloudformation.yaml", 214),
            ("SHP-IAM-104", "cloudformation.yaml", 214),
            ("SHP-IAM-105", "cloudformation.yaml", 214),
            ("SHP-IAM-107", "cloudformation.yaml", 214),
            ("SHP-IAM-112", "cloudformation.yaml", 214),
            ("SHP-IAM-121", "cloudformation.yaml", 214),
            ("SHP-IAM-122", "cloudformation.yaml", 214),
            ("SHP-IAM-125", "cloudformation.yaml", 214),
            ("SHP-IAM-101", "cloudformation.yaml", 216),
            ("SHP-IAM-126", "cloudformation.yaml", 227),
            ("SHP-IAM-100", "cloudformation.yaml", 230),
            ("SHP-IAM-123", "cloudformation.yaml", 230),
            ("SHP-IAM-124", "cloudformation.yaml", 231),
            ("SHP-SEC-014", "cloudformation.yaml", 235),
            ("SHP-SEC-013", "cloudformation.yaml", 241),
            ("SHP-SEC-015", "cloudformation.yaml", 244),
            ("SHP-SEC-017", "cloudformation.yaml", 259),
            ("SHP-CMP-005", "cloudformation.yaml", 260),
            ("SHP-CMP-006", "cloudformation.yaml", 264),
            ("SHP-CMP-007", "cloudformation.yaml", 264),
            ("SHP-CMP-100", "customers.csv", 2),
            ("SHP-CMP-101", "customers.csv", 3),
            ("SHP-SEC-101", "deploy-key.pem", 1),
            ("SHP-CMP-004", "eks.yaml", 14),
            ("SHP-LOG-019", "eks.yaml", 14),
            ("SHP-LOG-032", "eks.yaml", 14),
            ("SHP-CTR-040", "eks.yaml", 18),
            ("SHP-NET-018", "eks.yaml", 22),
            ("SHP-NET-029", "eks.yaml", 22),
            ("SHP-NET-019", "eks.yaml", 30),
            ("SHP-CTR-033", "eks.yaml", 47),
            ("SHP-IAM-114", "iam.yaml", 13),
            ("SHP-IAM-115", "iam.yaml", 13),
            ("SHP-IAM-100", "iam.yaml", 16),
            ("SHP-IAM-123", "iam.yaml", 16),
            ("SHP-IAM-118", "iam.yaml", 18),
            ("SHP-IAM-105", "iam.yaml", 38),
            ("SHP-IAM-122", "iam.yaml", 38),
            ("SHP-IAM-116", "iam.yaml", 49),
            ("SHP-CTR-016", "iam.yaml", 52),
            ("SHP-IAM-109", "iam.yaml", 70),
            ("SHP-IAM-103", "iam.yaml", 79),
            ("SHP-IAM-106", "iam.yaml", 79),
            ("SHP-IAM-107", "iam.yaml", 79),
            ("SHP-IAM-112", "iam.yaml", 79),
            ("SHP-IAM-101", "iam.yaml", 85),
            ("SHP-IAM-103", "iam.yaml", 87),
            ("SHP-IAM-105", "iam.yaml", 87),
            ("SHP-IAM-122", "iam.yaml", 87),
            ("SHP-IAM-104", "iam.yaml", 91),
            ("SHP-IAM-102", "iam.yaml", 95),
            ("SHP-IAM-110", "iam.yaml", 101),
            ("SHP-IAM-108", "iam.yaml", 105),
            ("SHP-IAM-111", "iam.yaml", 107),
            ("SHP-IAM-113", "iam.yaml", 117),
            ("SHP-IAM-100", "iam.yaml", 126),
            ("SHP-IAM-107", "iam.yaml", 126),
            ("SHP-IAM-125", "iam.yaml", 126),
            ("SHP-IAM-119", "iam.yaml", 137),
            ("SHP-IAM-120", "iam.yaml", 149),
            ("SHP-IAM-117", "iam.yaml", 156),
            ("SHP-IAM-127", "iam.yaml", 165),
            ("SHP-NET-020", "network.yaml", 26),
            ("SHP-NET-023", "network.yaml", 31),
            ("SHP-NET-021", "network.yaml", 35),
            ("SHP-LOG-030", "network.yaml", 37),
            ("SHP-NET-024", "network.yaml", 37),
            ("SHP-NET-026", "network.yaml", 37),
            ("SHP-NET-033", "network.yaml", 37),
            ("SHP-NET-025", "network.yaml", 44),
            ("SHP-LOG-030", "network.yaml", 45),
            ("SHP-NET-032", "network.yaml", 45),
            ("SHP-NET-027", "network.yaml", 52),
            ("SHP-NET-028", "network.yaml", 57),
            ("SHP-NET-016", "network.yaml", 65),
            ("SHP-LOG-031", "network.yaml", 74),
            ("SHP-LOG-031", "network.yaml", 76),
            ("SHP-CTR-035", "network.yaml", 82),
            ("SHP-CTR-038", "network.yaml", 84),
            ("SHP-CTR-037", "network.yaml", 95),
            ("SHP-NET-030", "network.yaml", 106),
            ("SHP-NET-031", "network.yaml", 107),
            ("SHP-CTR-039", "network.yaml", 109),
            ("SHP-SEC-100", "network.yaml", 111),
            ("SHP-SEC-100", "release.env", 2),
            ("SHP-SEC-102", "release.env", 3),
            ("SHP-IAM-001", "web.json", 2),
            ("SHP-NET-001", "web.json", 3),
            ("SHP-NET-003", "web.json", 4),
            ("SHP-NET-004", "web.json", 5),
            ("SHP-LOG-001", "web.json", 10),
            ("SHP-CTR-002", "web.json", 11),
            ("SHP-CTR-003", "web.json", 11),
            ("SHP-CTR-016", "web.json", 11),
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
            ("SHP-CTR-015", "worker.describe.json", 4),
            ("SHP-NET-002", "worker.describe.json", 6),
            ("SHP-IAM-002", "worker.describe.json", 7),
            ("SHP-CTR-005", "worker.describe.json", 11),
            ("SHP-CTR-009", "worker.describe.json", 11),
            ("SHP-CTR-010", "worker.describe.json", 11),
            ("SHP-CTR-016", "worker.describe.json", 11),
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
    public void Scan_InsecureSamples_TogetherCoverEveryRuleInTheCatalogue()
    {
        var fired = new[] { "ecs-insecure", "k8s-insecure", "compose-insecure", "terraform-insecure", "image-insecure", "ecr-scan" }
            .SelectMany(s => Scan(s).Findings.Select(f => f.RuleId))
            .Distinct();

        // The signature rules need signatures made with keys the scan is given (--key): ImageSignatureTests makes both.
        string[] needKeys = ["SHP-CTR-061", "SHP-CTR-062", "SHP-CTR-063"];
        Assert.Equal(Catalog.Metadata.Keys, fired.Concat(needKeys).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Scan_KubernetesInsecureSample_ReportsEachExpectedFindingAtItsLine()
    {
        // Lines checked by hand against samples/k8s-insecure; missing fields are reported at the container's
        // name (or the object's metadata.name), namespace-wide findings at the namespace's first workload.
        (string Rule, string Path, int Line)[] expected =
        [
            ("SHP-IAM-051", "access.yaml", 9),
            ("SHP-IAM-052", "access.yaml", 18),
            ("SHP-NET-051", "access.yaml", 27),
            ("SHP-SEC-050", "access.yaml", 41),
            ("SHP-IAM-055", "access.yaml", 50),
            ("SHP-IAM-057", "access.yaml", 53),
            ("SHP-IAM-056", "access.yaml", 56),
            ("SHP-IAM-058", "access.yaml", 70),
            ("SHP-IAM-054", "access.yaml", 80),
            ("SHP-NET-050", "access.yaml", 87),
            ("SHP-IAM-050", "access.yaml", 90),
            ("SHP-NET-053", "access.yaml", 90),
            ("SHP-CTR-021", "access.yaml", 102),
            ("SHP-CTR-003", "access.yaml", 105),
            ("SHP-CTR-005", "access.yaml", 105),
            ("SHP-CTR-009", "access.yaml", 105),
            ("SHP-CTR-010", "access.yaml", 105),
            ("SHP-CTR-013", "access.yaml", 105),
            ("SHP-CTR-015", "access.yaml", 105),
            ("SHP-CTR-016", "access.yaml", 105),
            ("SHP-CTR-017", "access.yaml", 105),
            ("SHP-CTR-018", "access.yaml", 105),
            ("SHP-CTR-019", "access.yaml", 105),
            ("SHP-CTR-008", "access.yaml", 106),
            ("SHP-CTR-023", "access.yaml", 107),
            ("SHP-NET-052", "access.yaml", 110),
            ("SHP-CTR-022", "access.yaml", 112),
            ("SHP-CTR-020", "access.yaml", 113),
            ("SHP-CTR-002", "access.yaml", 114),
            ("SHP-CTR-003", "access.yaml", 114),
            ("SHP-CTR-005", "access.yaml", 114),
            ("SHP-CTR-009", "access.yaml", 114),
            ("SHP-CTR-010", "access.yaml", 114),
            ("SHP-CTR-013", "access.yaml", 114),
            ("SHP-CTR-015", "access.yaml", 114),
            ("SHP-CTR-016", "access.yaml", 114),
            ("SHP-CTR-017", "access.yaml", 114),
            ("SHP-CTR-018", "access.yaml", 114),
            ("SHP-CTR-019", "access.yaml", 114),
            ("SHP-CTR-024", "access.yaml", 114),
            ("SHP-SEC-004", "access.yaml", 121),
            ("SHP-NET-050", "web.yaml", 2),
            ("SHP-IAM-050", "web.yaml", 5),
            ("SHP-CTR-014", "web.yaml", 17),
            ("SHP-NET-001", "web.yaml", 19),
            ("SHP-NET-003", "web.yaml", 20),
            ("SHP-NET-004", "web.yaml", 21),
            ("SHP-CTR-003", "web.yaml", 23),
            ("SHP-CTR-009", "web.yaml", 23),
            ("SHP-CTR-015", "web.yaml", 23),
            ("SHP-CTR-016", "web.yaml", 23),
            ("SHP-CTR-017", "web.yaml", 23),
            ("SHP-CTR-018", "web.yaml", 23),
            ("SHP-CTR-019", "web.yaml", 23),
            ("SHP-CTR-025", "web.yaml", 23),
            ("SHP-CTR-006", "web.yaml", 24),
            ("SHP-CTR-007", "web.yaml", 24),
            ("SHP-CTR-008", "web.yaml", 24),
            ("SHP-NET-005", "web.yaml", 27),
            ("SHP-SEC-001", "web.yaml", 30),
            ("SHP-IAM-053", "web.yaml", 31),
            ("SHP-SEC-002", "web.yaml", 32),
            ("SHP-CTR-001", "web.yaml", 34),
            ("SHP-CTR-002", "web.yaml", 35),
            ("SHP-CTR-004", "web.yaml", 37),
            ("SHP-CTR-005", "web.yaml", 37),
            ("SHP-CTR-011", "web.yaml", 46),
            ("SHP-CTR-012", "web.yaml", 49),
            ("SHP-IAM-050", "worker.yaml", 5),
            ("SHP-CTR-015", "worker.yaml", 15),
            ("SHP-CTR-018", "worker.yaml", 15),
            ("SHP-CTR-023", "worker.yaml", 15),
            ("SHP-CTR-025", "worker.yaml", 15),
            ("SHP-CTR-008", "worker.yaml", 16),
            ("SHP-IAM-053", "worker.yaml", 18),
            ("SHP-CTR-010", "worker.yaml", 21),
            ("SHP-CTR-013", "worker.yaml", 25),
        ];

        var report = Scan("k8s-insecure");

        Assert.Empty(report.Diagnostics);
        Assert.Equal(expected, report.Findings.Select(f => (f.RuleId, f.Location.Path, f.Location.StartLine)));
    }

    [Fact]
    public void Scan_ComposeInsecureSample_ReportsEachExpectedFindingAtItsLine()
    {
        // A privileged service is not also reported for privilege escalation or seccomp (SHP-CTR-001 covers both).
        (string Rule, string Path, int Line)[] expected =
        [
            ("SHP-CTR-002", "Dockerfile", 2),
            ("SHP-CTR-006", "Dockerfile", 2),
            ("SHP-CTR-007", "Dockerfile", 2),
            ("SHP-CTR-008", "Dockerfile", 2),
            ("SHP-CTR-016", "Dockerfile", 2),
            ("SHP-SEC-001", "Dockerfile", 3),
            ("SHP-SEC-002", "Dockerfile", 4),
            ("SHP-CTR-103", "Dockerfile", 5),
            ("SHP-CTR-104", "Dockerfile", 6),
            ("SHP-CTR-123", "Dockerfile", 6),
            ("SHP-CTR-108", "Dockerfile", 7),
            ("SHP-CTR-110", "Dockerfile", 7),
            ("SHP-CTR-120", "Dockerfile", 7),
            ("SHP-CTR-121", "Dockerfile", 7),
            ("SHP-CTR-122", "Dockerfile", 7),
            ("SHP-CTR-109", "Dockerfile", 8),
            ("SHP-CTR-122", "Dockerfile", 8),
            ("SHP-NET-005", "Dockerfile", 10),
            ("SHP-CTR-008", "Dockerfile.worker", 1),
            ("SHP-CTR-113", "Dockerfile.worker", 2),
            ("SHP-CTR-116", "Dockerfile.worker", 3),
            ("SHP-CTR-115", "Dockerfile.worker", 4),
            ("SHP-CTR-117", "Dockerfile.worker", 5),
            ("SHP-CTR-111", "Dockerfile.worker", 6),
            ("SHP-CTR-128", "Dockerfile.worker", 6),
            ("SHP-CTR-118", "Dockerfile.worker", 7),
            ("SHP-CTR-008", "Dockerfile.worker", 8),
            ("SHP-CTR-112", "Dockerfile.worker", 8),
            ("SHP-CTR-126", "Dockerfile.worker", 9),
            ("SHP-CTR-114", "Dockerfile.worker", 10),
            ("SHP-CTR-123", "Dockerfile.worker", 10),
            ("SHP-CTR-008", "Dockerfile.worker", 11),
            ("SHP-CTR-119", "Dockerfile.worker", 12),
            ("SHP-CTR-127", "Dockerfile.worker", 14),
            ("SHP-CTR-124", "Dockerfile.worker", 17),
            ("SHP-CTR-124", "Dockerfile.worker", 18),
            ("SHP-CTR-125", "Dockerfile.worker", 18),
            ("SHP-CTR-129", "Dockerfile.worker", 20),
            ("SHP-CTR-130", "Dockerfile.worker", 21),
            ("SHP-CTR-002", "docker-compose.yml", 3),
            ("SHP-CTR-003", "docker-compose.yml", 3),
            ("SHP-CTR-005", "docker-compose.yml", 3),
            ("SHP-CTR-009", "docker-compose.yml", 3),
            ("SHP-CTR-015", "docker-compose.yml", 3),
            ("SHP-CTR-016", "docker-compose.yml", 3),
            ("SHP-LOG-001", "docker-compose.yml", 4),
            ("SHP-CTR-006", "docker-compose.yml", 5),
            ("SHP-CTR-007", "docker-compose.yml", 5),
            ("SHP-CTR-008", "docker-compose.yml", 5),
            ("SHP-CTR-001", "docker-compose.yml", 6),
            ("SHP-NET-001", "docker-compose.yml", 7),
            ("SHP-NET-003", "docker-compose.yml", 8),
            ("SHP-NET-004", "docker-compose.yml", 9),
            ("SHP-CTR-004", "docker-compose.yml", 11),
            ("SHP-CTR-014", "docker-compose.yml", 14),
            ("SHP-SEC-001", "docker-compose.yml", 16),
            ("SHP-SEC-002", "docker-compose.yml", 17),
            ("SHP-NET-005", "docker-compose.yml", 19),
            ("SHP-CTR-011", "docker-compose.yml", 21),
            ("SHP-NET-055", "docker-compose.yml", 27),
        ];

        var report = Scan("compose-insecure");

        Assert.Empty(report.Diagnostics);
        Assert.Equal(expected, report.Findings.Select(f => (f.RuleId, f.Location.Path, f.Location.StartLine)));
    }

    [Fact]
    public void Scan_ImageInsecureSample_ReportsEachExpectedFindingAtItsLocation()
    {
        // Checked by hand against tests/Shipshape.Tests/Images/ImageSampleTests.cs, which writes the sample: config
        // findings at the config blob (no line: the config is one line of JSON), names at index.json, files at their layer.
        const string Config = "!blobs/sha256/2e9400823dac875898e6892dd88d0ebb756afd8f3175da2f0210d5f939c91fbd";
        const string Tampered = "!blobs/sha256/3c615e64913a3348cbb74d2b67cd4fee8f37f594ebdef7b3ffcc5fcbc9041210";
        const string Manifest = "!blobs/sha256/01cb28d0f319ea3fc55edf594a95e19daf8b495b67e838d9d9817147fb8febb9";
        (string Rule, string Path, int Line)[] expected =
        [
            ("SHP-CTR-060", Manifest, 0),
            ("SHP-CTR-002", Config, 0),
            ("SHP-CTR-016", Config, 0),
            ("SHP-CTR-042", Config, 0),
            ("SHP-NET-005", Config, 0),
            ("SHP-SEC-002", Config, 0),
            ("SHP-SEC-002", Config, 0),
            ("SHP-CTR-041", Tampered, 0),
            ("SHP-CTR-041", Tampered, 0),
            ("SHP-CTR-006", "!index.json", 0),
            ("SHP-CTR-047", "!layer 1/etc/passwd", 3),
            ("SHP-CTR-045", "!layer 1/etc/shadow", 1),
            ("SHP-CTR-044", "!layer 1/srv/uploads", 0),
            ("SHP-CTR-043", "!layer 1/usr/bin/passwd", 0),
            ("SHP-CTR-043", "!layer 1/usr/bin/sudo", 0),
            ("SHP-CTR-108", "!layer 1/usr/bin/sudo", 0),
            ("SHP-CTR-046", "!layer 1/usr/sbin/sshd", 0),
            ("SHP-CTR-122", "!layer 1/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease", 0),
            ("SHP-SEC-100", "!layer 2/app/settings.py", 2),
            ("SHP-SEC-100", "!layer 2/root/.npmrc", 1),
        ];

        var sample = Path.Combine(TestPaths.Samples, "image-insecure");
        var report = new Scanner(Catalog).Scan(new ScanOptions { Paths = [sample] });
        var prefix = Shipshape.Core.DisplayPaths.Prefix(sample);

        Assert.Empty(report.Diagnostics);
        Assert.Equal(expected, report.Findings.Select(f => (f.RuleId, f.Location.Path[prefix.Length..], f.Location.StartLine)));
        Assert.EndsWith("present in layer 2, deleted later.", report.Findings.Single(f => f.Location.Path.EndsWith(".npmrc", StringComparison.Ordinal)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("k8s-hardened", 2, 7)]
    [InlineData("compose-hardened", 2, 4)]
    public void Scan_HardenedContainerSamples_ReportNothing(string sample, int files, int resources)
    {
        var report = Scan(sample);

        Assert.Empty(report.Findings);
        Assert.Empty(report.Diagnostics);
        Assert.Equal((files, resources), (report.FilesScanned, report.Resources));
    }

    [Fact]
    public void Scan_HardenedSample_ReportsNothing()
    {
        var report = Scan("ecs-hardened");

        Assert.Empty(report.Findings);
        Assert.Empty(report.Diagnostics);
        Assert.Equal((7, 63), (report.FilesScanned, report.Resources));
    }

    [Fact]
    public void Scan_TerraformInsecureSample_ReportsEachExpectedFindingAtItsLine()
    {
        // Lines checked by hand against samples/terraform-insecure: the offending attribute or JSON field; values that
        // come through a module's locals sit at the attribute that uses them (container_definitions = jsonencode(...)).
        (string Rule, string Path, int Line, string Address)[] expected =
        [
            ("SHP-SEC-102", "main.tf", 15, "main.tf"),
            ("SHP-CTR-015", "main.tf", 30, "aws_ecs_task_definition.agent"),
            ("SHP-CTR-015", "main.tf", 30, "aws_ecs_task_definition.agent"),
            ("SHP-IAM-001", "main.tf", 30, "aws_ecs_task_definition.agent"),
            ("SHP-NET-001", "main.tf", 31, "aws_ecs_task_definition.agent"),
            ("SHP-NET-003", "main.tf", 32, "aws_ecs_task_definition.agent"),
            ("SHP-NET-004", "main.tf", 33, "aws_ecs_task_definition.agent"),
            ("SHP-CTR-002", "main.tf", 38, "aws_ecs_task_definition.agent"),
            ("SHP-CTR-009", "main.tf", 38, "aws_ecs_task_definition.agent"),
            ("SHP-CTR-016", "main.tf", 38, "aws_ecs_task_definition.agent"),
            ("SHP-CTR-006", "main.tf", 39, "aws_ecs_task_definition.agent"),
            ("SHP-CTR-007", "main.tf", 39, "aws_ecs_task_definition.agent"),
            ("SHP-CTR-008", "main.tf", 39, "aws_ecs_task_definition.agent"),
            ("SHP-CTR-001", "main.tf", 40, "aws_ecs_task_definition.agent"),
            ("SHP-CTR-003", "main.tf", 41, "aws_ecs_task_definition.agent"),
            ("SHP-CTR-004", "main.tf", 43, "aws_ecs_task_definition.agent"),
            ("SHP-CTR-005", "main.tf", 43, "aws_ecs_task_definition.agent"),
            ("SHP-SEC-002", "main.tf", 46, "aws_ecs_task_definition.agent"),
            ("SHP-LOG-002", "main.tf", 48, "aws_ecs_task_definition.agent"),
            ("SHP-LOG-001", "main.tf", 53, "aws_ecs_task_definition.agent"),
            ("SHP-CTR-002", "main.tf", 54, "aws_ecs_task_definition.agent"),
            ("SHP-CTR-003", "main.tf", 54, "aws_ecs_task_definition.agent"),
            ("SHP-CTR-005", "main.tf", 54, "aws_ecs_task_definition.agent"),
            ("SHP-CTR-009", "main.tf", 54, "aws_ecs_task_definition.agent"),
            ("SHP-CTR-010", "main.tf", 54, "aws_ecs_task_definition.agent"),
            ("SHP-CTR-016", "main.tf", 54, "aws_ecs_task_definition.agent"),
            ("SHP-CTR-006", "main.tf", 55, "aws_ecs_task_definition.agent"),
            ("SHP-CTR-008", "main.tf", 55, "aws_ecs_task_definition.agent"),
            ("SHP-CTR-013", "main.tf", 56, "aws_ecs_task_definition.agent"),
            ("SHP-CTR-014", "main.tf", 56, "aws_ecs_task_definition.agent"),
            ("SHP-CTR-011", "main.tf", 66, "aws_ecs_task_definition.agent"),
            ("SHP-CTR-012", "main.tf", 71, "aws_ecs_task_definition.agent"),
            ("SHP-IAM-001", "main.tf", 77, "aws_ecs_task_definition.report"),
            ("SHP-CTR-036", "main.tf", 81, "aws_ecs_task_definition.report"),
            ("SHP-CTR-002", "main.tf", 83, "aws_ecs_task_definition.report"),
            ("SHP-CTR-003", "main.tf", 83, "aws_ecs_task_definition.report"),
            ("SHP-CTR-005", "main.tf", 83, "aws_ecs_task_definition.report"),
            ("SHP-CTR-008", "main.tf", 83, "aws_ecs_task_definition.report"),
            ("SHP-CTR-016", "main.tf", 83, "aws_ecs_task_definition.report"),
            ("SHP-LOG-001", "main.tf", 83, "aws_ecs_task_definition.report"),
            ("SHP-SEC-018", "main.tf", 90, "provider.aws"),
            ("SHP-NET-034", "main.tf", 95, "aws_vpc.shop"),
            ("SHP-SEC-019", "main.tf", 106, "aws_db_instance.orders"),
            ("SHP-IAM-128", "main.tf", 111, "aws_iam_account_password_policy.default"),
            ("SHP-IAM-114", "modules/ecs-task/assume-role.json", 4, "assume-role"),
            ("SHP-IAM-114", "modules/ecs-task/main.tf", 3, "module.api.aws_iam_role.shared"),
            ("SHP-IAM-114", "modules/ecs-task/main.tf", 3, "module.web.aws_iam_role.shared"),
            ("SHP-CTR-015", "modules/ecs-task/main.tf", 22, "module.api.aws_ecs_task_definition.this"),
            ("SHP-CTR-015", "modules/ecs-task/main.tf", 22, "module.web.aws_ecs_task_definition.this"),
            ("SHP-NET-002", "modules/ecs-task/main.tf", 23, "module.web.aws_ecs_task_definition.this"),
            ("SHP-IAM-002", "modules/ecs-task/main.tf", 24, "module.api.aws_ecs_task_definition.this"),
            ("SHP-IAM-002", "modules/ecs-task/main.tf", 24, "module.web.aws_ecs_task_definition.this"),
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
            ("SHP-CTR-010", "modules/ecs-task/main.tf", 26, "module.api.aws_ecs_task_definition.this"),
            ("SHP-CTR-010", "modules/ecs-task/main.tf", 26, "module.web.aws_ecs_task_definition.this"),
            ("SHP-CTR-016", "modules/ecs-task/main.tf", 26, "module.api.aws_ecs_task_definition.this"),
            ("SHP-CTR-016", "modules/ecs-task/main.tf", 26, "module.web.aws_ecs_task_definition.this"),
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
            ("SHP-CTR-016", "plan.json", 24, "aws_ecs_task_definition.worker"),
            ("SHP-CTR-002", "plan.json", 57, "module.batch.aws_ecs_task_definition.this"),
            ("SHP-CTR-003", "plan.json", 57, "module.batch.aws_ecs_task_definition.this"),
            ("SHP-CTR-005", "plan.json", 57, "module.batch.aws_ecs_task_definition.this"),
            ("SHP-CTR-008", "plan.json", 57, "module.batch.aws_ecs_task_definition.this"),
            ("SHP-CTR-016", "plan.json", 57, "module.batch.aws_ecs_task_definition.this"),
        ];

        var report = Scan("terraform-insecure");

        Assert.Empty(report.Diagnostics);
        Assert.Equal(expected, report.Findings.Select(f => (f.RuleId, f.Location.Path, f.Location.StartLine, f.Resource.Address)));
    }

    [Fact]
    public void Scan_TerraformInsecureSample_CoversEveryTaskDefinitionRule()
    {
        var report = Scan("terraform-insecure");

        // The Terraform sample is an ECS task-definition module: every rule over task definitions fires on it. The
        // infrastructure rules are exercised on Terraform by the checkov corpus tests and on CloudFormation by the ECS sample.
        var taskRules = Catalog.Metadata.Values.Where(m => m.Sources.Contains("ecs-task-definition")).Select(m => m.Id);
        Assert.Empty(taskRules.Except(report.Findings.Select(f => f.RuleId)));
    }

    [Fact]
    public void Scan_TerraformHardenedSample_ReportsNothingAndResolvesEveryContainer()
    {
        var report = Scan("terraform-hardened");

        Assert.Empty(report.Findings);
        Assert.Empty(report.Diagnostics);
        Assert.Equal((4, 15), (report.FilesScanned, report.Resources));

        // Clean because the values are known and good, not because they were unresolved.
        var files = Shipshape.Ingest.Discovery.FileDiscovery.Discover(new Shipshape.Ingest.Discovery.DiscoveryOptions { Roots = [Path.Combine(TestPaths.Samples, "terraform-hardened")] }).Files;
        var tasks = new Shipshape.Ingest.Terraform.TerraformModuleReader().Read(new Shipshape.Ingest.ModuleReadRequest(files), CancellationToken.None)
            .Result.Resources.OfType<Shipshape.Core.Model.TaskDefinition>().OrderBy(t => t.Address, StringComparer.Ordinal).ToList();
        Assert.Equal(["module.api.aws_ecs_task_definition.this", "module.web.aws_ecs_task_definition.this"], tasks.Select(t => t.Address));
        Assert.All(tasks, t => Assert.True(Assert.Single(t.Containers).Image.IsExplicit));
        Assert.True(Assert.Single(tasks[0].Volumes).Efs!.TransitEncryption is { IsExplicit: true, Current: true });
    }
}
