using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Shipshape.Tests.Support;

/// <summary>
/// A git directory written byte by byte, so tests can forge what git itself never writes: objects whose content
/// does not match their ID (a tree that contains itself), delta cycles, lying headers, truncated packs.
/// </summary>
public sealed class HandMadeRepository
{
    public HandMadeRepository(string gitDir, string head = "ref: refs/heads/main")
    {
        GitDir = gitDir;
        Directory.CreateDirectory(Path.Combine(gitDir, "objects", "pack"));
        Directory.CreateDirectory(Path.Combine(gitDir, "refs", "heads"));
        File.WriteAllText(Path.Combine(gitDir, "HEAD"), head + "\n");
    }

    public string GitDir { get; }

    public static string IdOf(string type, byte[] data) =>
        Convert.ToHexStringLower(SHA1.HashData([.. Encoding.ASCII.GetBytes($"{type} {data.Length}\0"), .. data]));

    public static byte[] Zlib(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return buffer.ToArray();
    }

    public static byte[] Tree(params (string Mode, string Name, string Id)[] entries) =>
        [.. entries.SelectMany(e => (byte[])[.. Encoding.UTF8.GetBytes($"{e.Mode} {e.Name}\0"), .. Convert.FromHexString(e.Id)])];

    public static byte[] Commit(string tree, params string[] parents) => Encoding.UTF8.GetBytes(
        $"tree {tree}\n{string.Concat(parents.Select(p => $"parent {p}\n"))}author Ada Lovelace <ada@example.com> 1772359200 +0000\n"
        + "committer Ada Lovelace <ada@example.com> 1772359200 +0000\n\nforged\n");

    /// <summary>Writes a loose object under <paramref name="id"/> (its real ID when null).</summary>
    public string Loose(string type, byte[] data, string? id = null)
    {
        id ??= IdOf(type, data);
        var path = Path.Combine(GitDir, "objects", id[..2], id[2..]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Zlib([.. Encoding.ASCII.GetBytes($"{type} {data.Length}\0"), .. data]));
        return id;
    }

    public string Blob(string text) => Loose("blob", Encoding.UTF8.GetBytes(text));

    /// <summary>One commit with the files given (a flat tree), on refs/heads/main.</summary>
    public string CommitFiles(params (string Name, string Id)[] files)
    {
        var tree = Loose("tree", Tree([.. files.Select(f => ("100644", f.Name, f.Id))]));
        var commit = Loose("commit", Commit(tree));
        SetRef("refs/heads/main", commit);
        return commit;
    }

    public void SetRef(string name, string value)
    {
        var path = Path.Combine(GitDir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, value + "\n");
    }

    /// <summary>Writes a pack of raw entries (see <see cref="PackEntry"/>) and its v2 index; returns each entry's offset.</summary>
    public long[] Pack(params (string Id, byte[] Entry)[] entries)
    {
        var pack = new MemoryStream();
        pack.Write("PACK"u8);
        pack.Write([0, 0, 0, 2]);
        pack.Write(BigEndian((uint)entries.Length));
        var offsets = new long[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            offsets[i] = pack.Position;
            pack.Write(entries[i].Entry);
        }

        pack.Write(SHA1.HashData(pack.ToArray()));
        var index = new MemoryStream();
        index.Write([0xff, 0x74, 0x4f, 0x63, 0, 0, 0, 2]);
        var sorted = entries.Select((e, i) => (Id: Convert.FromHexString(e.Id), Offset: offsets[i])).OrderBy(e => Convert.ToHexStringLower(e.Id), StringComparer.Ordinal).ToArray();
        for (var b = 0; b < 256; b++)
        {
            index.Write(BigEndian((uint)sorted.Count(e => e.Id[0] <= b)));
        }

        foreach (var e in sorted)
        {
            index.Write(e.Id);
        }

        foreach (var _ in sorted)
        {
            index.Write(BigEndian(0));
        }

        foreach (var e in sorted)
        {
            index.Write(BigEndian((uint)e.Offset));
        }

        index.Write(new byte[40]);
        var name = Path.Combine(GitDir, "objects", "pack", "pack-forged");
        File.WriteAllBytes(name + ".pack", pack.ToArray());
        File.WriteAllBytes(name + ".idx", index.ToArray());
        return offsets;
    }

    /// <summary>A pack entry: type (1 commit, 2 tree, 3 blob, 6 OFS_DELTA, 7 REF_DELTA), size, then for deltas the base, then zlib data.</summary>
    public static byte[] PackEntry(int type, byte[] data, long ofsBack = -1, string? refBase = null)
    {
        var header = new List<byte>();
        var size = (long)data.Length;
        var c = (byte)((type << 4) | (int)(size & 15));
        size >>= 4;
        while (size > 0)
        {
            header.Add((byte)(c | 0x80));
            c = (byte)(size & 0x7f);
            size >>= 7;
        }

        header.Add(c);
        if (ofsBack >= 0)
        {
            var n = ofsBack;
            var ofs = new List<byte> { (byte)(n & 0x7f) };
            while ((n >>= 7) > 0)
            {
                n--;
                ofs.Insert(0, (byte)(0x80 | (n & 0x7f)));
            }

            header.AddRange(ofs);
        }

        if (refBase is not null)
        {
            header.AddRange(Convert.FromHexString(refBase));
        }

        return [.. header, .. Zlib(data)];
    }

    /// <summary>A delta: base and result sizes, then instructions as given.</summary>
    public static byte[] Delta(int baseSize, int resultSize, params byte[] instructions) => [.. Varint(baseSize), .. Varint(resultSize), .. instructions];

    private static byte[] Varint(int value)
    {
        var bytes = new List<byte>();
        do
        {
            var b = (byte)(value & 0x7f);
            value >>= 7;
            bytes.Add(value > 0 ? (byte)(b | 0x80) : b);
        }
        while (value > 0);
        return [.. bytes];
    }

    private static byte[] BigEndian(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }
}
