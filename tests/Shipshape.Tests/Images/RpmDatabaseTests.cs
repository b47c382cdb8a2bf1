using System.Buffers.Binary;
using Shipshape.Images.Inventory;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Images;

/// <summary>rpm's SQLite database read without SQLite: headers, purls, and damaged or hostile files.</summary>
public sealed class RpmDatabaseTests
{
    private static readonly RpmSpec Bash = new("bash", "5.1.8", "9.el9", "x86_64", License: "GPLv3+", SourceRpm: "bash-5.1.8-9.el9.src.rpm");

    private static readonly RpmSpec OpensslLibs = new("openssl-libs", "3.0.7", "27.el9", "x86_64", Epoch: 1, License: "ASL 2.0");

    [Fact]
    public void ParseSqlite_InstalledPackages_ListsEachWithEpochArchAndDistroInThePurl()
    {
        var db = RpmDatabaseBuilder.Sqlite(Bash, OpensslLibs, new RpmSpec("gpg-pubkey", "fd431d51", "4ae0493b", string.Empty));

        var (packages, problem) = RpmDatabase.ParseSqlite(db, "img!layer 1/var/lib/rpm/rpmdb.sqlite", "rhel", "rhel-9.4");

        Assert.Null(problem);
        Assert.Equal(
        [
            "pkg:rpm/rhel/bash@5.1.8-9.el9?arch=x86_64&distro=rhel-9.4",
            "pkg:rpm/rhel/openssl-libs@1:3.0.7-27.el9?arch=x86_64&distro=rhel-9.4",
        ], packages.Select(p => p.Purl));
        var bash = packages[0];
        Assert.Equal(("rpm", "bash", "5.1.8-9.el9", "rhel", "GPLv3+", "bash-5.1.8-9.el9.src.rpm"), (bash.Type, bash.Name, bash.Version, bash.Namespace, bash.License, bash.SourcePackage));
        Assert.Equal("1:3.0.7-27.el9", packages[1].Version);
    }

    [Fact]
    public void ParseSqlite_ManyLargeHeaders_FollowsInteriorPagesAndOverflowChains()
    {
        var specs = Enumerable.Range(0, 400).Select(i => new RpmSpec($"pkg{i:D3}", "1.0", "1.el9", "noarch") { Padding = 3000 + (i * 37) }).ToArray();

        var (packages, problem) = RpmDatabase.ParseSqlite(RpmDatabaseBuilder.Sqlite(specs), "db", "fedora", null);

        Assert.Null(problem);
        Assert.Equal(specs.Select(s => s.Name), packages.Select(p => p.Name));
    }

    [Fact]
    public void ParseSqlite_NotSqlite_SaysSoAndListsNothing()
    {
        var (packages, problem) = RpmDatabase.ParseSqlite("SQLite format 3"u8.ToArray(), "db", "rhel", null);

        Assert.Empty(packages);
        Assert.Equal("not a SQLite database (no SQLite header)", problem);
    }

    [Fact]
    public void ParseSqlite_TruncatedFile_ReportsAProblemInsteadOfThrowing()
    {
        var db = RpmDatabaseBuilder.Sqlite(Enumerable.Range(0, 50).Select(i => new RpmSpec($"p{i}", "1", "1", "x86_64") { Padding = 5000 }).ToArray());

        var (_, problem) = RpmDatabase.ParseSqlite(db.AsMemory(0, db.Length / 2), "db", "rhel", null);

        Assert.NotNull(problem);
    }

    [Fact]
    public void ParseSqlite_ChildPageLoop_EndsWithAProblem()
    {
        var db = RpmDatabaseBuilder.Sqlite(Enumerable.Range(0, 50).Select(i => new RpmSpec($"p{i}", "1", "1", "x86_64") { Padding = 5000 }).ToArray());
        var pageSize = BinaryPrimitives.ReadUInt16BigEndian(db.AsSpan(16));
        var root = Enumerable.Range(1, db.Length / pageSize).First(p => p > 1 && db[(p - 1) * pageSize] == 5);
        // The root interior page's right-most child now points back at the root.
        BinaryPrimitives.WriteUInt32BigEndian(db.AsSpan(((root - 1) * pageSize) + 8), (uint)root);

        var (_, problem) = RpmDatabase.ParseSqlite(db, "db", "rhel", null);

        Assert.Contains("visited twice", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseSqlite_CellPointersThatRepeat_AreRejectedNotReadAsManyRows()
    {
        var db = RpmDatabaseBuilder.Sqlite(Bash with { Padding = 1500 });
        var pageSize = BinaryPrimitives.ReadUInt16BigEndian(db.AsSpan(16));
        var leaf = Enumerable.Range(2, (db.Length / pageSize) - 1).First(p => db[(p - 1) * pageSize] == 13
            && db.AsSpan((p - 1) * pageSize, pageSize).IndexOf("bash"u8) >= 0);
        var page = db.AsSpan((leaf - 1) * pageSize, pageSize);
        var offset = BinaryPrimitives.ReadUInt16BigEndian(page[8..]);
        // Every pointer that fits before the cell names the same cell: one copy of the header, read as hundreds of rows.
        var cells = (offset - 8) / 2;
        BinaryPrimitives.WriteUInt16BigEndian(page[3..], (ushort)cells);
        for (var i = 0; i < cells; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(page[(8 + (2 * i))..], offset);
        }

        var (packages, problem) = RpmDatabase.ParseSqlite(db, "db", "rhel", null);

        Assert.True(packages.Count <= 1);
        Assert.Contains("repeats or overlaps another cell", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseSqlite_RandomlyDamagedFiles_NeverThrow()
    {
        var db = RpmDatabaseBuilder.Sqlite(Enumerable.Range(0, 30).Select(i => new RpmSpec($"p{i}", "1", "1", "x86_64") { Padding = 2000 }).ToArray());
        var random = new Random(14);
        for (var round = 0; round < 300; round++)
        {
            var copy = (byte[])db.Clone();
            for (var flips = 0; flips < 8; flips++)
            {
                copy[random.Next(100, copy.Length)] = (byte)random.Next(256);
            }

            var (packages, _) = RpmDatabase.ParseSqlite(copy, "db", "rhel", null);

            Assert.True(packages.Count <= 30);
        }
    }

    [Theory]
    [InlineData(0x7fffffff, 16, "claims 2147483647 index entries")]
    [InlineData(1, 0x7fffffff, "claims 1 index entries and 2147483647 bytes")]
    [InlineData(-1, 16, "claims -1 index entries")]
    public void RpmHeader_CountsLargerThanTheBlob_AreRejected(int entries, int dataSize, string expected)
    {
        var blob = new byte[64];
        BinaryPrimitives.WriteInt32BigEndian(blob, entries);
        BinaryPrimitives.WriteInt32BigEndian(blob.AsSpan(4), dataSize);

        var (header, problem) = RpmHeader.Parse(blob);

        Assert.Null(header);
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void RpmHeader_OffsetOutsideTheDataStore_IsRejected()
    {
        var blob = RpmDatabaseBuilder.Header(Bash);
        // The second index entry (NAME) points past the data store.
        BinaryPrimitives.WriteInt32BigEndian(blob.AsSpan(8 + 16 + 8), 1_000_000);

        var (header, problem) = RpmHeader.Parse(blob);

        Assert.Null(header);
        Assert.Equal("tag 1000 points outside the data store", problem);
    }

    [Fact]
    public void RpmHeader_StringWithoutItsNul_IsRejected()
    {
        var blob = RpmDatabaseBuilder.Header(new RpmSpec("bash", "5", "1", "x86_64"));
        // ARCH is the last string: cutting the final NUL off the blob (and the data size) leaves it unterminated.
        var cut = blob[..^1];
        BinaryPrimitives.WriteInt32BigEndian(cut.AsSpan(4), BinaryPrimitives.ReadInt32BigEndian(blob.AsSpan(4)) - 1);

        var (_, problem) = RpmHeader.Parse(cut);

        Assert.Equal("tag 1022: string without its terminating NUL", problem);
    }

    [Fact]
    public void Scan_RpmDatabaseWithAWriteAheadLogHoldingFrames_SaysTheLogIsNotRead()
    {
        using var tree = new TempTree();
        LayerEntrySpec[] files =
        [
            LayerEntrySpec.Binary("var/lib/rpm/rpmdb.sqlite", RpmDatabaseBuilder.Sqlite(Bash)),
            LayerEntrySpec.Binary("var/lib/rpm/rpmdb.sqlite-wal", new byte[32 + 24 + 4096]),
            LayerEntrySpec.Binary("var/lib/rpm/rpmdb.sqlite-shm", new byte[32768]),
            LayerEntrySpec.Binary("usr/lib/sysimage/rpm/rpmdb.sqlite-wal", []),
        ];

        var report = InventoryTests.ScanImage(tree, new ImageSpec { Layers = [new LayerSpec(files)] });

        Assert.Equal(["bash"], report.Inventories[0].Packages.Select(p => p.Name));
        var wal = Assert.Single(report.Diagnostics, d => d.Message.StartsWith("rpm database's write-ahead log not read", StringComparison.Ordinal));
        Assert.EndsWith("img!layer 1/var/lib/rpm/rpmdb.sqlite-wal", wal.Location.Path, StringComparison.Ordinal);
    }
}
