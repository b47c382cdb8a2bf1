using Shipshape.Ingest.Discovery;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Ingest.Discovery;

/// <summary>
/// The Linux probe that opens a listed file once: what it reads, and what it refuses, per open(2), fstat(2) and read(2)
/// as their manual pages describe them (O_NOFOLLOW fails with ELOOP on a link; O_NONBLOCK opens a FIFO at once).
/// </summary>
public sealed class FileHeadTests
{
    private const int Buffer = FileDiscovery.BinaryProbeBytes;

    // Elsewhere the fast path says nothing and discovery reads files the general way (tested by FileDiscoveryTests).
    private static bool Supported => OperatingSystem.IsLinux() && FileHead.IsSupported;

    [Fact]
    public void TryRead_ShortFile_ReadsItWhole()
    {
        if (!Supported)
        {
            return;
        }

        using var tree = new TempTree();
        var path = tree.Write("task.json", "{\"family\": \"web\"}\n");

        var result = FileHead.TryRead(path, new byte[Buffer], long.MaxValue, out var read, out var kind, out var size);

        Assert.Equal(HeadResult.Read, result);
        Assert.Equal(FileKindResult.Regular, kind);
        Assert.Equal(18, size);
        Assert.Equal(18, read);
    }

    [Fact]
    public void TryRead_FileLongerThanTheBuffer_FillsTheBufferWithItsStart()
    {
        if (!Supported)
        {
            return;
        }

        using var tree = new TempTree();
        var content = Enumerable.Range(0, 20_000).Select(i => (byte)('a' + (i % 26))).ToArray();
        var path = tree.WriteBytes("big.txt", content);
        var buffer = new byte[Buffer];

        var result = FileHead.TryRead(path, buffer, long.MaxValue, out var read, out _, out var size);

        Assert.Equal(HeadResult.Read, result);
        Assert.Equal(20_000, size);
        Assert.Equal(Buffer, read);
        Assert.Equal(content[..Buffer], buffer);
    }

    [Fact]
    public void TryRead_FileOverTheLimit_IsNotRead()
    {
        if (!Supported)
        {
            return;
        }

        using var tree = new TempTree();
        var path = tree.Write("large.yaml", new string('x', 5000));

        var result = FileHead.TryRead(path, new byte[Buffer], 4096, out var read, out var kind, out var size);

        Assert.Equal(HeadResult.Read, result);
        Assert.Equal(FileKindResult.Regular, kind);
        Assert.Equal(5000, size);
        Assert.Equal(0, read);
    }

    [Fact]
    public void TryRead_SymbolicLink_IsNotFollowed()
    {
        if (!Supported)
        {
            return;
        }

        using var tree = new TempTree();
        var target = tree.Write("real.env", "DB_PASSWORD=hunter2\n");
        File.CreateSymbolicLink(tree.PathOf("link.env"), target);

        var result = FileHead.TryRead(tree.PathOf("link.env"), new byte[Buffer], long.MaxValue, out var read, out _, out _);

        Assert.Equal(HeadResult.BecameLink, result);
        Assert.Equal(0, read);
    }

    [Fact]
    public async Task TryRead_NamedPipe_OpensWithoutBlockingAndReadsNothing()
    {
        if (!Supported || !File.Exists("/usr/bin/mkfifo"))
        {
            return;
        }

        using var tree = new TempTree();
        using (var mkfifo = System.Diagnostics.Process.Start("/usr/bin/mkfifo", tree.PathOf("pipe")))
        {
            await mkfifo.WaitForExitAsync();
        }

        var (result, read, kind) = await Task.Run(() =>
        {
            var r = FileHead.TryRead(tree.PathOf("pipe"), new byte[Buffer], long.MaxValue, out var n, out var k, out _);
            return (r, n, k);
        }).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HeadResult.Read, result);
        Assert.Equal(FileKindResult.Fifo, kind);
        Assert.Equal(0, read);
    }

    [Fact]
    public void TryRead_MissingFile_FallsBackToTheGeneralPath()
    {
        if (!Supported)
        {
            return;
        }

        using var tree = new TempTree();

        Assert.Equal(HeadResult.Fallback, FileHead.TryRead(tree.PathOf("gone.yaml"), new byte[Buffer], long.MaxValue, out _, out _, out _));
    }

    [Fact]
    public void TryReadAll_ReadsTheWholeFile()
    {
        if (!Supported)
        {
            return;
        }

        using var tree = new TempTree();
        var content = Enumerable.Range(0, 70_000).Select(i => (byte)('0' + (i % 10))).ToArray();
        var path = tree.WriteBytes("data.txt", content);

        var result = FileHead.TryReadAll(path, long.MaxValue, out var bytes, out var kind, out var size);

        Assert.Equal(HeadResult.Read, result);
        Assert.Equal(FileKindResult.Regular, kind);
        Assert.Equal(70_000, size);
        Assert.Equal(content, bytes);
    }

    [Fact]
    public void TryReadAll_FileOverTheLimit_ReturnsNoBytes()
    {
        if (!Supported)
        {
            return;
        }

        using var tree = new TempTree();
        var path = tree.Write("big.yaml", new string('y', 3000));

        var result = FileHead.TryReadAll(path, 2048, out var bytes, out _, out var size);

        Assert.Equal(HeadResult.Read, result);
        Assert.Equal(3000, size);
        Assert.Null(bytes);
    }

    // The scan reads a listed file again: a link put in its place since the listing is refused, not followed out of the tree.
    [Fact]
    public void ReadListedFile_ReplacedByALink_IsRefused()
    {
        if (!Supported)
        {
            return;
        }

        using var tree = new TempTree();
        using var outside = new TempTree();
        var secret = outside.Write("id_rsa", "-----BEGIN OPENSSH PRIVATE KEY-----\n");
        File.CreateSymbolicLink(tree.PathOf("config.yaml"), secret);

        var error = Assert.Throws<IOException>(() => FileDiscovery.ReadListedFile(tree.PathOf("config.yaml"), 1 << 20));

        Assert.Contains("symbolic link", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadListedFile_NamedPipe_IsRefusedWithoutBlocking()
    {
        if (!Supported || !File.Exists("/usr/bin/mkfifo"))
        {
            return;
        }

        using var tree = new TempTree();
        using (var mkfifo = System.Diagnostics.Process.Start("/usr/bin/mkfifo", tree.PathOf("values.yaml")))
        {
            await mkfifo.WaitForExitAsync();
        }

        var error = await Task.Run(() => Assert.Throws<IOException>(() => FileDiscovery.ReadListedFile(tree.PathOf("values.yaml"), 1 << 20)))
            .WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains("FIFO", error.Message, StringComparison.Ordinal);
    }
}
