using System.Buffers.Binary;
using Shipshape.Core;
using Shipshape.Images.Inventory;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Images;

/// <summary>Go modules from the build information of the executables in an image.</summary>
public sealed class GoBuildInfoTests
{
    private static readonly string[] Expected =
    [
        "pkg:golang/github.com/acme/net-fork@v0.17.1-acme",
        "pkg:golang/github.com/gorilla/mux@v1.8.1",
        "pkg:golang/stdlib@1.22.3",
    ];

    private static ScanReport Scan(TempTree tree, long? maxFileBytes, params LayerEntrySpec[] entries) =>
        InventoryTests.ScanImage(tree, new ImageSpec { Layers = [new LayerSpec(entries)] }, maxFileBytes);

    [Fact]
    public void Parse_ModulesWithReplacements_ListsTheToolchainAndWhatTheBinaryHolds()
    {
        var (packages, problem) = GoBuildInfo.Parse(GoBinaryBuilder.BuildInfo("go1.22.3 X:boringcrypto", GoBinaryBuilder.ModuleInfo), "app");

        Assert.Null(problem);
        // The main module is "(devel)" and the local replacement has no version: neither names a module version.
        Assert.Equal(Expected, packages.Select(p => p.Purl).Order(StringComparer.Ordinal));
        var mux = packages.Single(p => p.Name == "github.com/gorilla/mux");
        Assert.Equal(("golang", "v1.8.1", "github.com/gorilla"), (mux.Type, mux.Version, mux.Namespace));
    }

    [Fact]
    public void Parse_TensOfThousandsOfLocalReplacements_EachRemovesOnlyTheModuleAboveIt()
    {
        var modules = "path\tgithub.com/acme/app\nmod\tgithub.com/acme/app\t(devel)\t\ndep\tgithub.com/keep/me\tv1.2.3\th1:x\n"
            + string.Concat(Enumerable.Range(0, 30_000).Select(i => $"dep\tgithub.com/local/m{i}\tv1.0.0\n=>\t./vendor/m{i}\t\t\n"));

        var (packages, problem) = GoBuildInfo.Parse(GoBinaryBuilder.BuildInfo("go1.22.3", modules), "app");

        Assert.Null(problem);
        Assert.Equal(["pkg:golang/github.com/keep/me@v1.2.3", "pkg:golang/stdlib@1.22.3"], packages.Select(p => p.Purl).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(0x3000)]
    [InlineData(0x1000)]
    public void Scan_GoExecutableInAnImage_ListsItsModulesLocatedAtTheExecutable(int dataOffset)
    {
        using var tree = new TempTree();
        var elf = GoBinaryBuilder.Elf(GoBinaryBuilder.BuildInfo("go1.22.3", GoBinaryBuilder.ModuleInfo), dataOffset);

        var report = Scan(tree, maxFileBytes: null, LayerEntrySpec.Binary("usr/local/bin/shop", elf, octalMode: 493));

        var inventory = Assert.Single(report.Inventories);
        Assert.Equal(Expected, inventory.Packages.Select(p => p.Purl));
        Assert.All(inventory.Packages, p => Assert.EndsWith("img!layer 1/usr/local/bin/shop", p.Location, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData((1024 * 1024) - 16)]
    [InlineData(3 * 1024 * 1024)]
    public void Scan_BuildInfoDeepInTheDataSegment_IsFoundAcrossBuffers(int before)
    {
        using var tree = new TempTree();
        var elf = GoBinaryBuilder.Elf(GoBinaryBuilder.BuildInfo("go1.22.3", GoBinaryBuilder.ModuleInfo), before: before);

        var report = Scan(tree, maxFileBytes: null, LayerEntrySpec.Binary("usr/local/bin/shop", elf, octalMode: 493));

        Assert.Equal(Expected, report.Inventories[0].Packages.Select(p => p.Purl));
    }

    [Fact]
    public void Scan_GoExecutableOverTheFileSizeLimit_IsStillInventoried()
    {
        using var tree = new TempTree();
        var elf = GoBinaryBuilder.Elf(GoBinaryBuilder.BuildInfo("go1.22.3", GoBinaryBuilder.ModuleInfo), 0x8000);

        var report = Scan(tree, maxFileBytes: 4096, LayerEntrySpec.Binary("app/shop", elf, octalMode: 493));

        Assert.Equal(Expected, report.Inventories[0].Packages.Select(p => p.Purl));
    }

    [Theory]
    [InlineData("app/lib/tool.jar")]
    [InlineData("var/lib/rpm/rpmdb.sqlite")]
    public async Task Scan_ExecutableNamedAsAnArchiveOrRpmDatabase_EndsAndNamesTheFile(string path)
    {
        // An ELF executable of 20,000 bytes, one writable PT_LOAD at offset 9000: the Go search reads past the probe,
        // and the member is also kept for the Java or rpm reader.
        var elf = new byte[20000];
        new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1 }.CopyTo(elf, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(16), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(18), 62);
        BinaryPrimitives.WriteUInt32LittleEndian(elf.AsSpan(20), 1);
        BinaryPrimitives.WriteUInt64LittleEndian(elf.AsSpan(32), 64);
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(52), 64);
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(54), 56);
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(56), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(elf.AsSpan(64), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(elf.AsSpan(68), 6);
        BinaryPrimitives.WriteUInt64LittleEndian(elf.AsSpan(72), 9000);
        BinaryPrimitives.WriteUInt64LittleEndian(elf.AsSpan(96), 100);
        BinaryPrimitives.WriteUInt64LittleEndian(elf.AsSpan(104), 100);
        BinaryPrimitives.WriteUInt64LittleEndian(elf.AsSpan(112), 0x1000);
        using var tree = new TempTree();

        var scan = Task.Run(() => Scan(tree, maxFileBytes: null, LayerEntrySpec.File("etc/os-release", "ID=fedora\n"), LayerEntrySpec.Binary(path, elf, octalMode: 493)));

        // A hang fails the test (TimeoutException) rather than the whole run.
        var report = await scan.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Contains(report.Diagnostics, d => d.Location.Path.EndsWith("img!layer 1/" + path, StringComparison.Ordinal));
        Assert.DoesNotContain(report.Diagnostics, d => d.Message.Contains("internal error", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Scan_Go117Executable_SaysItsModulesWereNotReadNamingTheFile()
    {
        using var tree = new TempTree();
        var elf = GoBinaryBuilder.Elf(GoBinaryBuilder.BuildInfo("go1.17", GoBinaryBuilder.ModuleInfo, flags: 0));

        var report = Scan(tree, maxFileBytes: null, LayerEntrySpec.Binary("usr/bin/old", elf, octalMode: 493));

        Assert.Empty(report.Inventories[0].Packages);
        var diagnostic = Assert.Single(report.Diagnostics, d => d.Message.StartsWith("Go executable's modules not read", StringComparison.Ordinal));
        Assert.EndsWith("img!layer 1/usr/bin/old", diagnostic.Location.Path, StringComparison.Ordinal);
        Assert.Contains("Go 1.17 or older", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_StringLongerThanTheBlob_IsCutShortNotReadPastTheEnd()
    {
        var blob = GoBinaryBuilder.BuildInfo("go1.22.3", GoBinaryBuilder.ModuleInfo);
        blob[32] = 0x7f;

        var (packages, problem) = GoBuildInfo.Parse(blob.AsSpan(0, 40), "app");

        Assert.Empty(packages);
        Assert.Equal("Go build information cut short", problem);
    }

    [Fact]
    public void Locate_ProgramHeadersPastTheHead_FindsNothing()
    {
        var elf = GoBinaryBuilder.Elf(GoBinaryBuilder.BuildInfo("go1.22.3", GoBinaryBuilder.ModuleInfo));
        BinaryPrimitives.WriteUInt64LittleEndian(elf.AsSpan(32), ulong.MaxValue - 8);

        Assert.Empty(GoBuildInfo.Locate(elf, elf.Length));
        BinaryPrimitives.WriteUInt64LittleEndian(elf.AsSpan(32), 64);
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(56), ushort.MaxValue);
        Assert.Empty(GoBuildInfo.Locate(elf.AsSpan(0, 8000), elf.Length));
    }

    [Fact]
    public void ReadPath_RandomlyDamagedExecutables_NeverThrow()
    {
        var elf = GoBinaryBuilder.Elf(GoBinaryBuilder.BuildInfo("go1.22.3", GoBinaryBuilder.ModuleInfo), 0x1000);
        var random = new Random(2);
        for (var round = 0; round < 500; round++)
        {
            var copy = (byte[])elf.Clone();
            for (var flips = 0; flips < 6; flips++)
            {
                var at = random.Next(round % 2 == 0 ? 0 : 0x1000, round % 2 == 0 ? 200 : 0x1100);
                copy[at] = (byte)random.Next(256);
            }

            foreach (var (offset, length) in GoBuildInfo.Locate(copy, copy.Length))
            {
                var segment = copy.AsSpan((int)offset, (int)length);
                if (GoBuildInfo.IndexOfHeader(segment) is var at and >= 0)
                {
                    var (packages, _) = GoBuildInfo.Parse(GoBuildInfo.Blob(segment[at..]), "app");
                    Assert.True(packages.Count <= 4);
                }
            }
        }
    }
}
