using System.Buffers.Binary;
using System.IO.Compression;
using Microsoft.Win32.SafeHandles;

namespace Shipshape.Secrets.Git;

/// <summary>
/// One pack and its version-2 index. The index is validated and held in memory (binary search of the sorted IDs);
/// the pack is read in place with positional reads, one entry at a time, so its size does not matter and reads
/// are thread-safe. Delta chains are followed by the repository, one link at a time, not here.
/// </summary>
internal sealed class PackFile : IDisposable
{
    private const int IndexHeader = 8 + 1024;
    private const int TrailerBytes = 20;
    private const int PackHeader = 12;

    private readonly byte[] _index;
    private readonly SafeFileHandle _pack;
    private readonly long _packEnd;
    private readonly int _count;
    private readonly int _idsAt;
    private readonly int _offsetsAt;
    private readonly int _largeOffsetsAt;
    private readonly int _largeOffsetCount;

    private PackFile(string name, byte[] index, SafeFileHandle pack, long packLength)
    {
        Name = name;
        _index = index;
        _pack = pack;
        _packEnd = packLength - TrailerBytes;
        var previous = 0u;
        for (var i = 0; i < 256; i++)
        {
            var n = BinaryPrimitives.ReadUInt32BigEndian(index.AsSpan(8 + (i * 4)));
            if (n < previous)
            {
                throw new GitFormatException($"{name}: index fan-out table is not sorted");
            }

            previous = n;
        }

        if (previous > (index.Length - IndexHeader - (2 * TrailerBytes)) / 28)
        {
            throw new GitFormatException($"{name}: index claims {previous} objects, more than it has room for");
        }

        _count = (int)previous;
        _idsAt = IndexHeader;
        _offsetsAt = _idsAt + (_count * 20) + (_count * 4);
        _largeOffsetsAt = _offsetsAt + (_count * 4);
        _largeOffsetCount = (index.Length - (2 * TrailerBytes) - _largeOffsetsAt) / 8;
    }

    public string Name { get; }

    /// <summary>Opens the index and its pack.</summary>
    /// <exception cref="GitFormatException">Either is missing, outside the root, too large or not in the v2 format.</exception>
    public static PackFile Open(string indexPath, RepositoryFiles files)
    {
        var name = Path.GetFileName(indexPath);
        var packPath = Path.ChangeExtension(indexPath, ".pack");
        var index = files.ReadSmall(indexPath, GitLimits.MaxPackIndexBytes, out var problem)
            ?? throw new GitFormatException(problem ?? $"{name} is missing");
        if (index.Length < IndexHeader + (2 * TrailerBytes) || BinaryPrimitives.ReadUInt32BigEndian(index) != 0xff744f63 || BinaryPrimitives.ReadUInt32BigEndian(index.AsSpan(4)) != 2)
        {
            throw new GitFormatException($"{name}: not a version 2 pack index");
        }

        var info = new FileInfo(packPath);
        if (!info.Exists || !files.Allows(packPath))
        {
            throw new GitFormatException($"{Path.GetFileName(packPath)} is missing or outside the scanned root");
        }

        if (info.Length < PackHeader + TrailerBytes)
        {
            throw new GitFormatException($"{Path.GetFileName(packPath)} is truncated ({info.Length} bytes)");
        }

        var handle = File.OpenHandle(packPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        try
        {
            Span<byte> header = stackalloc byte[PackHeader];
            if (RandomAccess.Read(handle, header, 0) != PackHeader || !header[..4].SequenceEqual("PACK"u8)
                || BinaryPrimitives.ReadUInt32BigEndian(header[4..]) is not (2 or 3))
            {
                throw new GitFormatException($"{Path.GetFileName(packPath)}: not a version 2 or 3 pack");
            }

            return new PackFile(name, index, handle, info.Length);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>The pack offset of an object, or -1 when this pack does not have it.</summary>
    /// <exception cref="GitFormatException">The index gives an offset outside the pack.</exception>
    public long Find(ReadOnlySpan<byte> id)
    {
        var first = id[0];
        var lo = first == 0 ? 0 : (int)BinaryPrimitives.ReadUInt32BigEndian(_index.AsSpan(8 + ((first - 1) * 4)));
        var hi = (int)BinaryPrimitives.ReadUInt32BigEndian(_index.AsSpan(8 + (first * 4))) - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var cmp = _index.AsSpan(_idsAt + (mid * 20), 20).SequenceCompareTo(id);
            if (cmp == 0)
            {
                var small = BinaryPrimitives.ReadUInt32BigEndian(_index.AsSpan(_offsetsAt + (mid * 4)));
                long offset = small;
                if ((small & 0x80000000) != 0)
                {
                    var large = (int)(small & 0x7fffffff);
                    offset = large < _largeOffsetCount ? (long)BinaryPrimitives.ReadUInt64BigEndian(_index.AsSpan(_largeOffsetsAt + (large * 8))) : -1;
                }

                return offset >= PackHeader && offset < _packEnd
                    ? offset
                    : throw new GitFormatException($"{Name}: index gives object {Convert.ToHexStringLower(id)} an offset outside the pack");
            }

            if (cmp < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    /// <summary>The header of the entry at an offset: for OFS_DELTA the base offset (always before the entry), for REF_DELTA the base ID.</summary>
    /// <exception cref="GitFormatException">The header is truncated or invalid.</exception>
    public PackEntry ReadEntry(long offset)
    {
        if (offset < PackHeader || offset >= _packEnd)
        {
            throw new GitFormatException($"{Name}: entry offset {offset} is outside the pack");
        }

        Span<byte> buffer = stackalloc byte[48];
        var length = RandomAccess.Read(_pack, buffer[..(int)Math.Min(buffer.Length, _packEnd - offset)], offset);
        var header = buffer[..length];
        var at = 0;
        var c = Next(header, ref at, offset);
        var type = (GitObjectType)((c >> 4) & 7);
        long size = c & 15;
        var shift = 4;
        while ((c & 0x80) != 0)
        {
            if (shift > 60)
            {
                throw new GitFormatException($"{Name}: entry at {offset} has an overlong size");
            }

            c = Next(header, ref at, offset);
            size |= (long)(c & 0x7f) << shift;
            shift += 7;
        }

        switch (type)
        {
            case GitObjectType.OffsetDelta:
            {
                c = Next(header, ref at, offset);
                long back = c & 0x7f;
                while ((c & 0x80) != 0)
                {
                    if (back > (long.MaxValue >> 8))
                    {
                        throw new GitFormatException($"{Name}: delta at {offset} has an overlong base offset");
                    }

                    c = Next(header, ref at, offset);
                    back = ((back + 1) << 7) | (long)(c & 0x7f);
                }

                // A base is always written before its delta: zero, forward or before-the-header offsets are corrupt.
                if (back <= 0 || back > offset - PackHeader)
                {
                    throw new GitFormatException($"{Name}: delta at {offset} names a base at {offset - back}, which is not before it in the pack");
                }

                return new PackEntry(type, size, offset + at, offset - back, null);
            }

            case GitObjectType.RefDelta:
                if (header.Length - at < 20)
                {
                    throw new GitFormatException($"{Name}: entry at {offset} is truncated");
                }

                return new PackEntry(type, size, offset + at + 20, -1, header.Slice(at, 20).ToArray());

            case GitObjectType.Commit or GitObjectType.Tree or GitObjectType.Blob or GitObjectType.Tag:
                return new PackEntry(type, size, offset + at, -1, null);

            default:
                throw new GitFormatException($"{Name}: unknown entry type {(int)type} at offset {offset}");
        }
    }

    /// <summary>An entry's inflated data, exactly its declared size; nothing is inflated when that is over <paramref name="maxBytes"/>.</summary>
    /// <exception cref="GitFormatException">The data is too large, truncated or not valid zlib.</exception>
    public byte[] Inflate(PackEntry entry, long maxBytes)
    {
        if (entry.Size > maxBytes)
        {
            throw new GitFormatException($"{entry.Size} bytes, over the limit of {maxBytes}");
        }

        var data = new byte[entry.Size];
        try
        {
            using var zlib = new ZLibStream(new FileSliceStream(_pack, entry.DataAt, _packEnd), CompressionMode.Decompress);
            zlib.ReadExactly(data);
        }
        catch (EndOfStreamException)
        {
            throw new GitFormatException($"{Name}: entry data at {entry.DataAt} is truncated");
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            throw new GitFormatException($"{Name}: entry data at {entry.DataAt} cannot be inflated: {ex.Message}");
        }

        return data;
    }

    public void Dispose() => _pack.Dispose();

    private byte Next(ReadOnlySpan<byte> header, ref int at, long offset) =>
        at < header.Length ? header[at++] : throw new GitFormatException($"{Name}: entry at {offset} is truncated");
}
