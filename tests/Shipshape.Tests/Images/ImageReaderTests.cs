using Shipshape.Core;
using Shipshape.Images;
using Shipshape.Secrets;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Images;

/// <summary>The image reader on its own, with small limits: bombs, damage and detection by content.</summary>
public sealed class ImageReaderTests
{
    private static ImageReadResult Read(string path, ImageReadOptions? options = null) =>
        new ImageReader(options ?? new ImageReadOptions { MaxFileBytes = 1024 * 1024 }).Read(path, "img", (_, _) => ContentScanResult.Empty);

    [Fact]
    public void Read_LayerExpandingBeyondTheRatio_StopsThatLayerWithAPartialDiagnostic()
    {
        using var tree = new TempTree();
        var bomb = new LayerSpec([LayerEntrySpec.File("zeros.txt", new string('a', 4 * 1024 * 1024)), LayerEntrySpec.File("usr/bin/late", "x", 2541)]);
        ImageBuilder.WriteDirectory(ImageBuilder.OciLayout(new ImageSpec { Layers = [bomb] }), tree.PathOf("img"));

        var result = Read(tree.PathOf("img"), new ImageReadOptions { MaxFileBytes = 1024, MaxCompressionRatio = 50, RatioFloorBytes = 1024 * 1024 });

        var image = Assert.Single(result.Images);
        Assert.Empty(image.Files);
        Assert.Contains(result.Diagnostics, d => d.Incomplete == IncompleteKind.Partial
            && d.Message.StartsWith("layer not fully read: expands more than 50 times its compressed size", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_TruncatedLayerAndGarbageBlob_AreDiagnosticsAndTheConfigIsStillRead()
    {
        using var tree = new TempTree();
        var files = ImageBuilder.OciLayout(new ImageSpec { User = "0", Layers = [new LayerSpec([LayerEntrySpec.File("a.txt", new string('x', 5000))], LayerCompression.None)] });
        var layer = files.Keys.Single(k => k.StartsWith("blobs/", StringComparison.Ordinal) && files[k].Length > 5000);
        files[layer] = files[layer][..3000];
        ImageBuilder.WriteDirectory(files, tree.PathOf("img"));

        var result = Read(tree.PathOf("img"));

        var image = Assert.Single(result.Images);
        Assert.Equal("0", image.User.Current);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("layer not fully read", StringComparison.Ordinal));
        Assert.Single(image.DigestMismatches);
    }

    [Fact]
    public void Read_NotAnImage_IsSkippedWithAReason()
    {
        using var tree = new TempTree();
        tree.Write("img/manifest.json", "{\"not\": \"an image\"}");

        var result = Read(tree.PathOf("img"));

        Assert.Empty(result.Images);
        Assert.Contains(result.Diagnostics, d => d.Incomplete == IncompleteKind.Skipped && d.Message.Contains("no image manifest found", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true, false, true)]
    [InlineData(false, false, true)]
    [InlineData(false, true, true)]
    public void IsImageFile_DockerSaveArchives_AreRecognisedByContent(bool legacy, bool gzip, bool expected)
    {
        using var tree = new TempTree();
        var path = tree.WriteBytes("anything.bin", ImageBuilder.Tar(ImageBuilder.DockerSave(new ImageSpec { Layers = [new LayerSpec([LayerEntrySpec.File("a", "b")])] }, legacy), gzip));

        Assert.Equal(expected, ImageDetector.IsImageFile(path));
    }

    [Fact]
    public void IsImageFile_ZstdCompressedDockerSave_IsRecognisedByContent()
    {
        using var tree = new TempTree();
        var tar = ImageBuilder.Tar(ImageBuilder.DockerSave(new ImageSpec { Layers = [new LayerSpec([LayerEntrySpec.File("a", "b")])] }, legacy: false));
        var path = tree.WriteBytes("anything.bin", ImageBuilder.Compress(tar, LayerCompression.Zstd));
        var ordinary = tree.WriteBytes("src.tar.zst", ImageBuilder.Compress(ImageBuilder.Tar(new SortedDictionary<string, byte[]>(StringComparer.Ordinal) { ["src/main.py"] = "print(1)\n"u8.ToArray() }), LayerCompression.Zstd));

        Assert.True(ImageDetector.IsImageFile(path));
        Assert.False(ImageDetector.IsImageFile(ordinary));
    }

    [Fact]
    public void Scan_DirectoryHoldingATarZstImage_FindsTheImageAndCountsACutOneAsBinary()
    {
        using var tree = new TempTree();
        var image = new ImageSpec { Layers = [new LayerSpec([LayerEntrySpec.File("etc/os-release", "ID=alpine\nVERSION_ID=3.19.1\n"), LayerEntrySpec.File("lib/apk/db/installed", "P:musl\nV:1.2.4-r2\nA:x86_64\n\n")])], Tags = ["app:1"] };
        var zst = ImageBuilder.Compress(ImageBuilder.Tar(ImageBuilder.DockerSave(image, legacy: false)), LayerCompression.Zstd);
        tree.WriteBytes("dist/app.tar.zst", zst);
        tree.WriteBytes("dist/cut.tar.zst", zst[..(zst.Length / 2)]);

        var report = new Shipshape.Engine.Scanner(Shipshape.Rules.RuleCatalog.CreateDefault())
            .Scan(new Shipshape.Engine.ScanOptions { Paths = [tree.Root], Today = new DateOnly(2026, 12, 4) }).RelativeTo(tree.Root);

        var inventory = Assert.Single(report.Inventories, i => i.Name == "app:1");
        Assert.Equal(["pkg:apk/alpine/musl@1.2.4-r2?arch=x86_64&distro=alpine-3.19.1"], inventory.Packages.Select(p => p.Purl));
        Assert.EndsWith("dist/app.tar.zst!layer 1/lib/apk/db/installed", inventory.Packages[0].Location, StringComparison.Ordinal);
        // Cut before its layout shows, the damaged one is not an image to the detector: counted as a binary file and
        // named, since nothing else reads zstd.
        Assert.Contains(report.Diagnostics, d => d.Message.StartsWith("1 binary files", StringComparison.Ordinal));
        var named = Assert.Single(report.Diagnostics, d => d.Location.Path.EndsWith("cut.tar.zst", StringComparison.Ordinal));
        Assert.Contains("is zstd-compressed but could not be read as a container image", named.Message, StringComparison.Ordinal);
        Assert.Equal(IncompleteKind.Skipped, named.Incomplete);
    }

    [Fact]
    public void IsImageFile_OrdinaryTar_IsNotAnImage()
    {
        using var tree = new TempTree();
        var path = tree.WriteBytes("src.tar", ImageBuilder.Tar(new SortedDictionary<string, byte[]>(StringComparer.Ordinal) { ["src/main.py"] = "print(1)\n"u8.ToArray(), ["manifest.json"] = "{\"name\": \"extension\"}"u8.ToArray() }));

        Assert.False(ImageDetector.IsImageFile(path));
    }

    [Fact]
    public void Read_FileOutsideTheLayoutTooLargeToKeep_IsSaidNotSearched()
    {
        using var tree = new TempTree();
        var files = ImageBuilder.DockerSave(new ImageSpec { User = "10001", Layers = [new LayerSpec([LayerEntrySpec.File("a.txt", "a")])] }, legacy: false);
        files["notes.txt"] = System.Text.Encoding.UTF8.GetBytes(new string('n', 2048));
        File.WriteAllBytes(tree.PathOf("img.tar"), ImageBuilder.Tar(files));

        var result = Read(tree.PathOf("img.tar"), new ImageReadOptions { MaxFileBytes = 1024 * 1024, MaxJsonBytes = 1024 });

        Assert.Contains(result.Diagnostics, d => d.Location.Path == "img!notes.txt" && d.Incomplete == IncompleteKind.Partial
            && d.Message.EndsWith("over 1024 bytes: not searched for secrets", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_IndexNamingTheSameManifestAgain_ReadsItOnce()
    {
        using var tree = new TempTree();
        var files = ImageBuilder.OciLayout(new ImageSpec { User = "10001", Layers = [new LayerSpec([LayerEntrySpec.File("a.txt", "a")])] });
        using (var index = System.Text.Json.JsonDocument.Parse(files["index.json"]))
        {
            var descriptor = index.RootElement.GetProperty("manifests")[0].GetRawText();
            files["index.json"] = System.Text.Encoding.UTF8.GetBytes($$"""{"schemaVersion":2,"manifests":[{{descriptor}},{{descriptor}},{{descriptor}}]}""");
        }

        ImageBuilder.WriteDirectory(files, tree.PathOf("img"));

        var result = Read(tree.PathOf("img"));

        Assert.Single(result.Images);
    }
}
