using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Shipshape.Core;
using Shipshape.Engine;
using Shipshape.Reporting;
using Shipshape.Rules;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Engine;

/// <summary>The secrets scanner inside the scan: archives, suppressions, and what reports may show.</summary>
public sealed class ContentScanTests
{
    private const string Token = "ghp_4Rk9ZqT2mX7vB1nC8dE5fG3hJ6kL0pQ2sU9w";
    private const string AwsKey = "AKIAZ3MHQWNN5YPKC7TR";
    private const string Card = "4556737586899855";
    private const string TestCard = "4242424242424242";
    private const string Password = "Zr8Kq2VnX4pLw9Tb";

    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();

    private static ScanReport Scan(string root) =>
        new Scanner(Catalog).Scan(new ScanOptions { Paths = [root], Scanners = ["secrets"] }).RelativeTo(root);

    private static byte[] Zip(params (string Name, byte[] Content)[] files) => TestArchives.Zip(files);

    private static byte[] TarGz(string name, string content)
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) });
        }

        using var gz = new MemoryStream();
        using (var gzip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(tar.ToArray());
        }

        return gz.ToArray();
    }

    [Fact]
    public void Scan_ZipWithNestedTarGz_FindsSecretsAtVirtualPaths()
    {
        using var tree = new TempTree();
        tree.WriteBytes("dist/bundle.zip", Zip(
            ("app/settings.env", Encoding.UTF8.GetBytes($"GH_TOKEN={Token}\n")),
            ("layers/base.tar.gz", TarGz("etc/app.conf", $"# conf\naws_access_key_id = {AwsKey}\n"))));

        var report = Scan(tree.Root);

        Assert.Equal(
            [("dist/bundle.zip!app/settings.env", 1), ("dist/bundle.zip!layers/base.tar!etc/app.conf", 2)],
            report.Findings.Select(f => (f.Location.Path, f.Location.StartLine)).ToArray());
        Assert.All(report.Findings, f => Assert.Equal("SHP-SEC-100", f.RuleId));
    }

    [Fact]
    public void Scan_ShipshapeIgnoreComment_SuppressesContentFinding()
    {
        using var tree = new TempTree();
        tree.Write("ci.sh", $"# shipshape:ignore SHP-SEC-100 revoked on 2026-01-02, kept for the incident report\nexport GH_TOKEN={Token}\n");

        var finding = Assert.Single(Scan(tree.Root).Findings);

        Assert.Equal(SuppressionKind.Inline, finding.Suppression?.Kind);
    }

    [Fact]
    public void Scan_GitleaksIgnoreFile_DropsListedFinding()
    {
        using var tree = new TempTree();
        tree.Write("ci.sh", $"export A={Token}\n");
        tree.Write(".gitleaksignore", "ci.sh:github-pat:1\n");

        Assert.Empty(Scan(tree.Root).Findings);
    }

    [Fact]
    public void Scan_SecretMovedToAnotherLine_KeepsItsFingerprint()
    {
        using var tree = new TempTree();
        tree.Write("ci.sh", $"export A={Token}\n");
        var before = Assert.Single(Scan(tree.Root).Findings).Fingerprint;
        tree.Write("ci.sh", $"# moved\n\nexport A={Token}\n");

        Assert.Equal(before, Assert.Single(Scan(tree.Root).Findings).Fingerprint);
    }

    [Fact]
    public void Writers_TreeWithSecretsAndCards_NoRawValueInAnyFormat()
    {
        using var tree = new TempTree();
        tree.Write("config/app.env", $"GH_TOKEN={Token}\nAWS_ACCESS_KEY_ID={AwsKey}\nDB_URL=postgres://app:{Password}@db.internal:5432/app\n");
        tree.Write("data/customers.csv", $"id,card\nc-1,{Card}\nc-2,{TestCard}\nc-3,4556 7375 8689 9855\n");
        tree.Write("keys/deploy.pem", "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo9z+40RQzuVaE8AkAFmxZzow3x+VJYKdjykkJ0iT9wCS0DRTXu269V264Vf/3jvredZiKRkgwlL9xNAwxXFg0x/XFw005UWVRIkdgcKWTjpBP2dPwVZ4WWC+9aGVd+Gyn1o0CLelf4rEjGoXbAAEgAqeGUxrcIlbjXfbcmwIDAQABAoIBAQCBDDemHPDirUP4rMBOrGmnrHtbzXLUcNU0yK9AMY8mY5xzaBDvXD0lV9vXzqt8mg3m5tS5CuTqgsH9rQWsAFqsOAcQkk0n\n-----END RSA PRIVATE KEY-----\n");

        var report = Scan(tree.Root);

        Assert.Equal(["SHP-CMP-100", "SHP-CMP-100", "SHP-CMP-101", "SHP-SEC-100", "SHP-SEC-100", "SHP-SEC-101", "SHP-SEC-102"], report.Findings.Select(f => f.RuleId).Order(StringComparer.Ordinal).ToArray());
        foreach (var format in ReportWriters.Names)
        {
            using var buffer = new MemoryStream();
            // The verbose console report is the one that prints messages (where the redacted values are).
            ReportWriters.Create(format, false, ConsoleDetail.Verbose, new SecurityFindingOptions { Time = DateTimeOffset.UnixEpoch, AwsAccountId = "111122223333", AwsRegion = "eu-west-1" }).Write(report, buffer);
            var output = Encoding.UTF8.GetString(buffer.ToArray());
            foreach (var raw in (string[])[Token, AwsKey, Password, Card, TestCard, "4556 7375 8689 9855", "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0t"])
            {
                Assert.False(output.Contains(raw, StringComparison.Ordinal), $"{format} output contains a raw value");
            }

            if (ReportWriters.Sbom.Contains(format))
            {
                continue; // an SBOM lists packages, not findings
            }

            // Markdown escapes the asterisks; every format of findings shows the masked number's ends.
            Assert.Contains(format == "markdown" ? @"455673\*\*\*\*\*\*9855" : "455673******9855", output, StringComparison.Ordinal);
        }
    }
}
