using System.Text.Json;
using Shipshape.Tests.Images;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Cli;

public sealed class ImageCliTests
{
    [Fact]
    public async Task Image_InsecureSample_ReportsItsFindingsWithTheScanOptions()
    {
        var (code, stdout, _) = await CliRunner.RunAsync("image", ImageSampleTests.SampleDirectory, "--format", "json", "--quiet", "--rule", "SHP-CTR-041,SHP-CTR-045");

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(
            ["SHP-CTR-041", "SHP-CTR-041", "SHP-CTR-045"],
            json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()));
        Assert.EndsWith("image-insecure!layer 1/etc/shadow", json.RootElement.GetProperty("findings")[2].GetProperty("location").GetProperty("path").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Image_PlatformAndMaxImageAge_ChooseWhatIsChecked()
    {
        using var tree = new TempTree();
        ImageBuilder.WriteDirectory(ImageBuilder.OciLayout(
            new ImageSpec { User = "root", Created = "2020-01-01T00:00:00Z" },
            new ImageSpec { User = "1000", Architecture = "arm64", Created = "2020-01-01T00:00:00Z" }), tree.PathOf("img"));

        var (code, stdout, _) = await CliRunner.RunAsync("image", tree.PathOf("img"), "--platform", "linux/arm64", "--max-image-age", "100000",
            "--rule", "SHP-CTR-002,SHP-CTR-042", "--format", "json", "--quiet");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Empty(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("resources").GetInt32());
    }

    [Fact]
    public async Task Image_NotAnImage_ExitsWithUsageError()
    {
        using var tree = new TempTree();
        tree.Write("Dockerfile", "FROM scratch\n");

        var (code, _, stderr) = await CliRunner.RunAsync("image", tree.Root);

        Assert.Equal(2, code);
        Assert.Contains("not a container image", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Image_KeyFileThatIsNotAKey_ExitsWithUsageErrorNamingTheOptionAndFile()
    {
        using var tree = new TempTree();
        ImageBuilder.WriteDirectory(ImageBuilder.OciLayout(new ImageSpec { User = "1000" }), tree.PathOf("img"));
        var notAKey = tree.Write("cosign.pub", "not a key\n");

        var (code, _, stderr) = await CliRunner.RunAsync("image", tree.PathOf("img"), "--key", notAKey);

        Assert.Equal(2, code);
        Assert.Contains($"--key {notAKey}: holds no PEM public key", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Image_SignedWithTheGivenKey_PassesTheSignatureRules()
    {
        using var tree = new TempTree();
        using var signer = TestSigner.Create("P-256");
        var files = ImageBuilder.OciLayout(new ImageSpec { User = "1000" });
        var manifest = SignatureBuilder.ImageManifest(files);
        var payload = SignatureBuilder.SimpleSigningPayload(manifest.Digest);
        SignatureBuilder.AddCosign(files, manifest, payload, Convert.ToBase64String(signer.SignCosign(payload)));
        ImageBuilder.WriteDirectory(files, tree.PathOf("img"));
        var key = tree.Write("cosign.pub", signer.PublicKeyPem);

        var (code, stdout, _) = await CliRunner.RunAsync("image", tree.PathOf("img"), "--key", key, "--rule", "SHP-CTR-06*", "--format", "json", "--quiet");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Empty(json.RootElement.GetProperty("findings").EnumerateArray());
    }
}
