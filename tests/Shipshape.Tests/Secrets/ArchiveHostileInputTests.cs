using System.Buffers.Binary;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Shipshape.Core;
using Shipshape.Engine;
using Shipshape.Rules;
using Shipshape.Secrets.Sources;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Secrets;

/// <summary>
/// Archives built in the test with lying headers, bombs and deep nesting: the reader must stop at its limits,
/// say what it could not read, and still hand out every member it could.
/// </summary>
public sealed class ArchiveHostileInputTests
{
    private const string Token = "ghp_4Rk9ZqT2mX7vB1nC8dE5fG3hJ6kL0pQ2sU9w";
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes($"GH_TOKEN={Token}\n");

    private static (string[] Paths, Diagnostic[] Diagnostics) Read(string path, byte[] content, long maxEntryBytes = 1 << 20, long maxTotalBytes = ArchiveReader.DefaultMaxTotalBytes)
    {
        var diagnostics = new List<Diagnostic>();
        var paths = new ArchiveReader(maxEntryBytes, maxTotalBytes).Read(path, content, diagnostics).Select(e => e.Path).ToArray();
        Assert.All(diagnostics, d => Assert.Equal(path, d.Location.Path));
        return (paths, [.. diagnostics]);
    }

    // A ustar header with a valid checksum; the size field as given (octal by default).
    private static byte[] Header(string name, long size, char type = '0', byte[]? sizeField = null)
    {
        var header = new byte[512];
        Encoding.ASCII.GetBytes(name).AsSpan(0, Math.Min(name.Length, 100)).CopyTo(header);
        "0000644\0"u8.CopyTo(header.AsSpan(100));
        "0000000\0"u8.CopyTo(header.AsSpan(108));
        "0000000\0"u8.CopyTo(header.AsSpan(116));
        (sizeField ?? Encoding.ASCII.GetBytes(Convert.ToString(size, 8).PadLeft(11, '0') + "\0")).CopyTo(header.AsSpan(124));
        "00000000000\0"u8.CopyTo(header.AsSpan(136));
        header[156] = (byte)type;
        "ustar\000"u8.CopyTo(header.AsSpan(257));
        "        "u8.CopyTo(header.AsSpan(148));
        var sum = header.Sum(b => (int)b);
        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(header.AsSpan(148));
        return header;
    }

    private static byte[] Member(string name, byte[] data, char type = '0') =>
        [.. Header(name, data.Length, type), .. data, .. new byte[(512 - (data.Length % 512)) % 512]];

    private static byte[] End() => new byte[1024];

    private static byte[] Zip(params (string Name, byte[] Content)[] files) => TestArchives.Zip(files);

    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }

    [Fact]
    public void Read_TarWithPaxSizeLargerThanTheArchive_EarlierMembersReadAndTheRestReported()
    {
        var pax = Encoding.ASCII.GetBytes("26 size=99999999999999999\n");
        byte[] tar = [.. Member("a.env", Secret), .. Member("PaxHeaders/b.env", pax, 'x'), .. Member("b.env", Secret), .. End()];

        var (paths, diagnostics) = Read("bundle.tar", tar);

        Assert.Equal(["bundle.tar!a.env"], paths);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(IncompleteKind.Partial, diagnostic.Incomplete);
        Assert.Equal("bundle.tar: the member at byte 2048 claims 99999999999999999 bytes, but only 1536 remain: the archive is truncated or lies", diagnostic.Message);
    }

    [Theory]
    [InlineData("-5\n", "malformed")]
    [InlineData("999999999999999999999999\n", "malformed")]
    public void Read_TarWithPaxSizeNegativeOrOverflowing_Reported(string size, string expected)
    {
        var record = $"size={size}";
        var pax = Encoding.ASCII.GetBytes($"{record.Length + 3} {record}");
        byte[] tar = [.. Member("a.env", Secret), .. Member("PaxHeaders/b.env", pax, 'x'), .. Member("b.env", Secret), .. End()];

        var (paths, diagnostics) = Read("bundle.tar", tar);

        Assert.Equal(["bundle.tar!a.env"], paths);
        Assert.Contains(expected, Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TarWithNegativeBase256Size_Reported()
    {
        byte[] negative = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfb];
        byte[] tar = [.. Member("a.env", Secret), .. Header("b.env", 0, sizeField: negative), .. Member("c.env", Secret), .. End()];

        var (paths, diagnostics) = Read("bundle.tar", tar);

        Assert.Equal(["bundle.tar!a.env"], paths);
        Assert.Equal("bundle.tar: the header at byte 1024 has an invalid or negative size: the members after it are not read", Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void Read_TarWithBase256Size_MemberRead()
    {
        var size = new byte[12];
        size[0] = 0x80;
        BinaryPrimitives.WriteInt64BigEndian(size.AsSpan(4), Secret.Length);
        byte[] tar = [.. Header("big.env", 0, sizeField: size), .. Secret, .. new byte[512 - Secret.Length], .. End()];

        var diagnostics = new List<Diagnostic>();
        var entry = Assert.Single(new ArchiveReader(1 << 20).Read("bundle.tar", tar, diagnostics));

        Assert.Equal("bundle.tar!big.env", entry.Path);
        Assert.Equal(Secret, entry.Content);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Read_TarWithOneMebibyteGnuLongName_NameIgnoredAndMemberStillRead()
    {
        var longName = Encoding.ASCII.GetBytes(new string('n', 1 << 20));
        byte[] tar = [.. Member("././@LongLink", longName, 'L'), .. Member("short.env", Secret), .. End()];

        var (paths, diagnostics) = Read("bundle.tar", tar);

        Assert.Equal(["bundle.tar!short.env"], paths);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Null(diagnostic.Incomplete);
        Assert.Equal("bundle.tar: a GNU long name of 1048576 bytes (over the 65536-byte limit) at byte 0 is ignored", diagnostic.Message);
    }

    [Fact]
    public void Read_TarSizeFieldLargerThanTheData_TruncationReported()
    {
        byte[] tar = [.. Member("a.env", Secret), .. Header("b.env", 5000), .. new byte[100]];

        var (paths, diagnostics) = Read("bundle.tar", tar);

        Assert.Equal(["bundle.tar!a.env"], paths);
        Assert.Equal("bundle.tar: the member at byte 1024 claims 5000 bytes, but only 100 remain: the archive is truncated or lies", Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void Read_TarSizeFieldSmallerThanTheData_NextHeaderRejectedByChecksum()
    {
        var data = Encoding.ASCII.GetBytes(new string('x', 600));
        byte[] tar = [.. Member("a.env", Secret), .. Header("b.txt", 10), .. data, .. new byte[424], .. Member("c.env", Secret), .. End()];

        var (paths, diagnostics) = Read("bundle.tar", tar);

        Assert.Equal(["bundle.tar!a.env", "bundle.tar!b.txt"], paths);
        Assert.Equal("bundle.tar: the header at byte 2048 is corrupt (bad checksum): the members after it are not read", Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void Read_TarMemberNamedDotSlashDotEnv_KeepsTheLeadingDot()
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Ustar, leaveOpen: true))
        {
            writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, "./.env") { DataStream = new MemoryStream(Secret) });
        }

        var (paths, diagnostics) = Read("bundle.tar", buffer.ToArray());

        Assert.Equal(["bundle.tar!.env"], paths);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Read_ZipWithBadCentralDirectoryOffset_SkippedWithDiagnostic()
    {
        var zip = Zip(("a.env", Secret));
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(zip.Length - 22 + 16), 0x7fff_0000);

        var (paths, diagnostics) = Read("bundle.zip", zip);

        Assert.Empty(paths);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(IncompleteKind.Skipped, diagnostic.Incomplete);
        Assert.StartsWith("bundle.zip: its central directory cannot be read: ", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ZipEntryWithBadLocalHeaderOffset_ThatEntryReportedAndTheNextRead()
    {
        var zip = Zip(("a.env", Secret), ("b.env", Secret));
        var centralDirectory = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(zip.Length - 22 + 16));
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(centralDirectory + 42), 0x00ff_0000);

        var (paths, diagnostics) = Read("bundle.zip", zip);

        Assert.Equal(["bundle.zip!b.env"], paths);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(IncompleteKind.Partial, diagnostic.Incomplete);
        Assert.StartsWith("bundle.zip!a.env: cannot be read: ", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ZipMemberNamesWithDotDotAbsoluteAndControlCharacters_NormalisedAndFlagged()
    {
        var zip = Zip(("../../etc/passwd.env", Secret), ("/abs/key.env", Secret), ("ctl\u001b[31m.env", Secret), ("ok/fine.env", Secret));

        var (paths, diagnostics) = Read("bundle.zip", zip);

        Assert.Equal(["bundle.zip!etc/passwd.env", "bundle.zip!abs/key.env", "bundle.zip!ctl?[31m.env", "bundle.zip!ok/fine.env"], paths);
        Assert.Equal(
            ["bundle.zip: a member name with an absolute path, '..' or control characters is reported as 'etc/passwd.env'",
             "bundle.zip: a member name with an absolute path, '..' or control characters is reported as 'abs/key.env'",
             "bundle.zip: a member name with an absolute path, '..' or control characters is reported as 'ctl?[31m.env'"],
            diagnostics.Select(d => d.Message));
        Assert.All(diagnostics, d => Assert.DoesNotContain('\u001b', d.Message));
    }

    [Fact]
    public void Read_GzipBomb_StopsAtTheMemberLimitWithoutAllocatingTheExpansion()
    {
        const long size = 1L << 30;
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (var i = 0; i < size / zeros.Length; i++)
            {
                gzip.Write(zeros);
            }
        }

        Assert.True(buffer.Length < 2 << 20, $"{buffer.Length} bytes compressed");
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var (paths, diagnostics) = Read("bomb.gz", buffer.ToArray(), maxEntryBytes: 10 << 20);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Empty(paths);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(IncompleteKind.Partial, diagnostic.Incomplete);
        Assert.Equal("bomb.gz: expands beyond 10485760 bytes: not read", diagnostic.Message);
        Assert.True(allocated < 64 << 20, $"{allocated} bytes allocated");
    }

    [Fact]
    public void Read_ZipExpandingBeyondTheTotal_MembersThatDoNotFitCountedAndSmallerOnesStillRead()
    {
        var zeros = new byte[(1 << 20) - 1];
        var zip = Zip([("first.env", Secret), .. Enumerable.Range(0, 8).Select(i => ($"zeros{i}.bin", zeros)), ("last.env", Secret)]);

        var (paths, diagnostics) = Read("bundle.zip", zip, maxEntryBytes: 1 << 20, maxTotalBytes: 4 << 20);

        Assert.Equal(["bundle.zip!first.env", "bundle.zip!last.env"], paths);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(IncompleteKind.Partial, diagnostic.Incomplete);
        Assert.Equal("bundle.zip: the archive expands beyond 4194304 bytes in total: 5 members that did not fit are not read, the first bundle.zip!zeros3.bin", diagnostic.Message);
    }

    [Fact]
    public void Read_ZipsNestedTenDeep_ThreeLevelsReadAndTheDeeperOneReported()
    {
        var archive = Zip(("level10.env", Secret));
        for (var level = 9; level >= 1; level--)
        {
            archive = Zip(($"level{level}.env", Secret), ("inner.zip", archive));
        }

        var (paths, diagnostics) = Read("n.zip", archive);

        Assert.Equal(["n.zip!level1.env", "n.zip!inner.zip!level2.env", "n.zip!inner.zip!inner.zip!level3.env"], paths);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(IncompleteKind.Partial, diagnostic.Incomplete);
        Assert.Equal("n.zip!inner.zip!inner.zip!inner.zip: nested archive deeper than 3 levels: not read", diagnostic.Message);
    }

    [Fact]
    public void Read_TruncatedTarGz_MembersBeforeTheCutReadAndTheCutReported()
    {
        var noise = Encoding.ASCII.GetBytes(string.Join('\n', Enumerable.Range(0, 4000).Select(_ => Guid.NewGuid().ToString())));
        byte[] tar = [.. Member("a.env", Secret), .. Member("noise.txt", noise), .. Member("b.env", Secret), .. End()];
        var gz = Gzip(tar);

        var (paths, diagnostics) = Read("layer.tar.gz", gz[..(gz.Length / 2)]);

        Assert.Equal(["layer.tar!a.env"], paths);
        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, d => Assert.Equal(IncompleteKind.Partial, d.Incomplete));
        Assert.Contains(diagnostics, d => d.Message.StartsWith("layer.tar: the member at byte 1024 claims 147999 bytes, but only ", StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_TreeWithCorruptZip_ZipSkippedWithDiagnosticAndOtherFilesScanned()
    {
        using var tree = new TempTree();
        var zip = Zip(("a.env", Secret));
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(zip.Length - 22 + 16), 0x7fff_0000);
        tree.WriteBytes("dist/bundle.zip", zip);
        tree.Write("deploy/ci.env", $"GH_TOKEN={Token}\n");

        var report = new Scanner(RuleCatalog.CreateDefault()).Scan(new ScanOptions { Paths = [tree.Root], Scanners = ["secrets"] }).RelativeTo(tree.Root);

        Assert.Equal("deploy/ci.env", Assert.Single(report.Findings).Location.Path);
        var diagnostic = Assert.Single(report.Diagnostics, d => d.Incomplete is not null);
        Assert.Equal("dist/bundle.zip", diagnostic.Location.Path);
        Assert.Equal(IncompleteKind.Skipped, diagnostic.Incomplete);
    }
}
