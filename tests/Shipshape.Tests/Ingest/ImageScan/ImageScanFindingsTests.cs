using Shipshape.Core;
using Shipshape.Engine;
using Shipshape.Rules;
using Shipshape.Tests.Cli;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Ingest.ImageScan;

/// <summary>Saved ECR (basic and enhanced scanning) and Amazon Inspector findings, shaped as the AWS API references document them, scanned as files.</summary>
public sealed class ImageScanFindingsTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();

    private const string Enhanced = """
        {
          "registryId": "111122223333",
          "repositoryName": "shop",
          "imageId": { "imageDigest": "sha256:4f1c0d7e9a0b3c5d7e9f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9c1d3e5f7a9b1c3d" },
          "imageScanStatus": { "status": "ACTIVE", "description": "Continuous scan is selected for image." },
          "imageScanFindings": {
            "enhancedFindings": [
              {
                "awsAccountId": "111122223333",
                "description": "A heap overflow in the SOCKS5 proxy handshake.",
                "findingArn": "arn:aws:inspector2:eu-west-1:111122223333:finding/0a1b2c3d4e5f",
                "packageVulnerabilityDetails": {
                  "source": "DEBIAN_CVE",
                  "vendorSeverity": "high",
                  "vulnerabilityId": "CVE-2023-38545",
                  "vulnerablePackages": [
                    { "arch": "X86_64", "epoch": 0, "name": "curl", "packageManager": "OS", "version": "7.88.1", "release": "10+deb12u3", "fixedInVersion": "0:7.88.1-10+deb12u4" },
                    { "arch": "X86_64", "epoch": 0, "name": "libcurl4", "packageManager": "OS", "version": "7.88.1", "release": "10+deb12u3", "fixedInVersion": "NotAvailable" }
                  ]
                },
                "severity": "CRITICAL",
                "status": "ACTIVE",
                "title": "CVE-2023-38545 - curl, libcurl4",
                "type": "PACKAGE_VULNERABILITY",
                "fixAvailable": "PARTIAL"
              },
              {
                "packageVulnerabilityDetails": {
                  "vulnerabilityId": "GHSA-9wx4-h78v-vm56",
                  "vulnerablePackages": [ { "name": "requests", "packageManager": "PYTHONPKG", "version": "2.31.0", "fixedInVersion": "2.32.0" } ]
                },
                "severity": "MEDIUM",
                "type": "PACKAGE_VULNERABILITY"
              }
            ]
          }
        }
        """;

    private const string Inspector = """
        {
          "findings": [
            {
              "awsAccountId": "111122223333",
              "findingArn": "arn:aws:inspector2:eu-west-1:111122223333:finding/9f8e7d6c",
              "type": "PACKAGE_VULNERABILITY",
              "severity": "HIGH",
              "status": "ACTIVE",
              "title": "CVE-2023-4911 - glibc",
              "packageVulnerabilityDetails": {
                "vulnerabilityId": "CVE-2023-4911",
                "source": "NVD",
                "vulnerablePackages": [ { "name": "glibc", "version": "2.36", "release": "9+deb12u1", "fixedInVersion": "2.36-9+deb12u3", "packageManager": "OS" } ]
              },
              "resources": [
                {
                  "type": "AWS_ECR_CONTAINER_IMAGE",
                  "id": "arn:aws:ecr:eu-west-1:111122223333:repository/shop/sha256:4f1c",
                  "details": { "awsEcrContainerImage": { "repositoryName": "shop", "imageTags": ["2.0.1"], "imageHash": "sha256:4f1c" } }
                }
              ]
            },
            {
              "type": "NETWORK_REACHABILITY",
              "severity": "MEDIUM",
              "networkReachabilityDetails": { "protocol": "TCP" }
            }
          ]
        }
        """;

    private static ScanReport Scan(string name, string text)
    {
        using var tree = new TempTree();
        tree.Write(name, text);
        return new Scanner(Catalog).Scan(new ScanOptions { Paths = [tree.Root], Today = new DateOnly(2026, 12, 4) }).RelativeTo(tree.Root);
    }

    [Fact]
    public void Scan_BasicScanFindings_ReportsEachCveWithTheScansSeverityPackageAndVersion()
    {
        var example = Catalog.Get("SHP-CTR-050").Examples[0].Bad;

        var finding = Assert.Single(Scan("findings.json", example).Findings);

        Assert.Equal(("SHP-CTR-050", Severity.Critical, "shop:2.0.1"), (finding.RuleId, finding.Severity, finding.Resource.Address));
        Assert.Equal("CVE-2023-38545 in curl 7.88.1-10+deb12u3 (CRITICAL in the image scan of shop:2.0.1): no fixed version is known.", finding.Message);
        Assert.Equal(("findings.json", 9), (finding.Location.Path, finding.Location.StartLine));
    }

    [Fact]
    public void Scan_EnhancedScanFindings_ReportsEachVulnerablePackageWithItsFixVersion()
    {
        var report = Scan("scan.json", Enhanced);

        Assert.Equal(
        [
            ("SHP-CTR-050", "CVE-2023-38545 in curl 7.88.1-10+deb12u3 (CRITICAL in the image scan of shop@sha256:4f1c0d7e9a0b3c5d7e9f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9c1d3e5f7a9b1c3d): fixed in 0:7.88.1-10+deb12u4."),
            ("SHP-CTR-050", "CVE-2023-38545 in libcurl4 7.88.1-10+deb12u3 (CRITICAL in the image scan of shop@sha256:4f1c0d7e9a0b3c5d7e9f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9c1d3e5f7a9b1c3d): no fixed version is known."),
            ("SHP-CTR-052", "GHSA-9wx4-h78v-vm56 in requests 2.31.0 (MEDIUM in the image scan of shop@sha256:4f1c0d7e9a0b3c5d7e9f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9c1d3e5f7a9b1c3d): fixed in 2.32.0."),
        ], report.Findings.Select(f => (f.RuleId, f.Message)).Order());
        var status = Assert.Single(report.Diagnostics, d => d.Message.Contains("status is ACTIVE", StringComparison.Ordinal));
        Assert.Equal(IncompleteKind.Partial, status.Incomplete);
    }

    [Fact]
    public void Scan_InspectorFindings_ReadsPackageVulnerabilitiesAndSkipsOtherTypes()
    {
        var finding = Assert.Single(Scan("inspector.json", Inspector).Findings);

        Assert.Equal(("SHP-CTR-051", Severity.High, "shop:2.0.1"), (finding.RuleId, finding.Severity, finding.Resource.Address));
        Assert.Equal("CVE-2023-4911 in glibc 2.36-9+deb12u1 (HIGH in the image scan of shop:2.0.1): fixed in 2.36-9+deb12u3.", finding.Message);
    }

    [Fact]
    public void Scan_SameCveInAReorderedRescan_KeepsItsFingerprint()
    {
        var first = Scan("scan.json", Enhanced).Findings.Single(f => f.Message.StartsWith("CVE-2023-38545 in curl", StringComparison.Ordinal));
        var reordered = Enhanced.Replace("\"registryId\"", "\"nextToken\": null,\n  \"registryId\"", StringComparison.Ordinal);

        var second = Scan("scan.json", reordered).Findings.Single(f => f.Message.StartsWith("CVE-2023-38545 in curl", StringComparison.Ordinal));

        Assert.NotEqual(first.Location.StartLine, second.Location.StartLine);
        Assert.Equal(first.Fingerprint, second.Fingerprint);
    }

    [Fact]
    public async Task Cli_FailOnHigh_GatesOnTheEcrScan()
    {
        using var tree = new TempTree();
        var findings = tree.Write("findings.json", Inspector);

        var (failing, stdout, _) = await CliRunner.RunAsync("scan", findings, "--fail-on", "high", "--format", "json");
        var (passing, _, _) = await CliRunner.RunAsync("scan", findings, "--fail-on", "critical", "--format", "json");

        Assert.Equal((1, 0), (failing, passing));
        Assert.Contains("CVE-2023-4911", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_EcrScanSample_ReportsOneFindingPerSeverityWithTheScansSeverity()
    {
        var report = new Scanner(Catalog).Scan(new ScanOptions { Paths = [Path.Combine(TestPaths.Samples, "ecr-scan")], Today = new DateOnly(2026, 12, 4) });

        Assert.Empty(report.Diagnostics);
        Assert.Equal(
        [
            ("SHP-CTR-050", Severity.Critical, 23, "CVE-2023-38545 in curl 7.88.1-10+deb12u3 (CRITICAL in the image scan of shop-api:1.4.2): no fixed version is known."),
            ("SHP-CTR-051", Severity.High, 33, "CVE-2023-4911 in glibc 2.36-9+deb12u1 (HIGH in the image scan of shop-api:1.4.2): no fixed version is known."),
            ("SHP-CTR-052", Severity.Medium, 42, "CVE-2023-48795 in openssh 1:9.2p1-2+deb12u1 (MEDIUM in the image scan of shop-api:1.4.2): no fixed version is known."),
            ("SHP-CTR-053", Severity.Low, 51, "CVE-2011-3374 in apt 2.6.1 (LOW in the image scan of shop-api:1.4.2): no fixed version is known."),
            ("SHP-CTR-054", Severity.Info, 60, "CVE-2022-0563 in util-linux 2.38.1-5+b1 (INFORMATIONAL in the image scan of shop-api:1.4.2): no fixed version is known."),
        ], report.Findings.Select(f => (f.RuleId, f.Severity, f.Location.StartLine, f.Message)));
    }
}
