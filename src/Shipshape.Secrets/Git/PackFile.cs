using System.Buffers.Binary;
using System.IO.Compression;

namespace Shipshape.Secrets.Git;

/// <summary>
/// One pack and its version-2 index: binary search of the sorted object IDs, then the entry at the offset,
/// with OFS_DELTA and REF_DELTA chains resolved. The pack is read into memory once; reads are thread-safe.
/// </summary>
internal sealed class PackFile
{
    private readonly byte[] _index;
    private readonly byte[] _pack;
    private readonly int _count;
    private readonly int _idsAt;
    private readonly int _offsetsAt;
    private readonly int _largeOffsetsAt;

    public PackFile(string indexPath)
    {
        _index = File.ReadAllBytes(indexPath);
        _pack = File.ReadAllBytes(Path.ChangeExtension(indexPath, ".pack"));
        if (_index.Length < 8 + 1024 || BinaryPrimitives.ReadUInt32BigEndian(_index) != 0xff744f63 || BinaryPrimitives.ReadUInt32BigEndian(_index.AsSpan(4)) != 2)
        {
            throw new GitFormatException($"{indexPath}: not a version 2 pack index");
        }

        _count = (int)BinaryPrimitives.ReadUInt32BigEndian(_index.AsSpan(8 + (255 * 4)));
        _idsAt = 8 + 1024;
        _offsetsAt = _idsAt + (_count * 20) + (_count * 4);
        _largeOffsetsAt = _offsetsAt + (_count * 4);
    }

    /// <summary>The pack offset of an object, or -1 when this pack does not have it.</summary>
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
                var offset = BinaryPrimitives.ReadUInt32BigEndian(_index.AsSpan(_offsetsAt + (mid * 4)));
                return (offset & 0x80000000) == 0
                    ? offset
                    : (long)BinaryPrimitives.ReadUInt64BigEndian(_index.AsSpan(_largeOffsetsAt + ((int)(offset & 0x7fffffff) * 8)));
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

    /// <summary>Reads the object at a pack offset; <paramref name="resolve"/> finds REF_DELTA bases anywhere in the repository.</summary>
    public GitObject Read(long offset, Func<byte[], GitObject?> resolve)
    {
        var at = (int)offset;
        var c = _pack[at++];
        var type = (GitObjectType)((c >> 4) & 7);
        long size = c & 15;
        var shift = 4;
        while ((c & 0x80) != 0)
        {
            c = _pack[at++];
            size |= (long)(c & 0x7f) << shift;
            shift += 7;
        }

        switch (type)
        {
            case GitObjectType.OffsetDelta:
            {
                c = _pack[at++];
                long back = c & 0x7f;
                while ((c & 0x80) != 0)
                {
                    c = _pack[at++];
                    back = ((back + 1) << 7) | (long)(c & 0x7f);
                }

                var baseObject = Read(offset - back, resolve);
                return new GitObject(baseObject.Type, Delta.Apply(baseObject.Data, Inflate(at, size)));
            }

            case GitObjectType.RefDelta:
            {
                var baseId = _pack.AsSpan(at, 20).ToArray();
                at += 20;
                var baseObject = resolve(baseId) ?? throw new GitFormatException($"delta base {Convert.ToHexStringLower(baseId)} is missing");
                return new GitObject(baseObject.Type, Delta.Apply(baseObject.Data, Inflate(at, size)));
            }

            case GitObjectType.Commit or GitObjectType.Tree or GitObjectType.Blob or GitObjectType.Tag:
                return new GitObject(type, Inflate(at, size));

            default:
                throw new GitFormatException($"unknown pack entry type {(int)type} at offset {offset}");
        }
    }

    private byte[] Inflate(int at, long size)
    {
        var data = new byte[size];
        using var zlib = new ZLibStream(new MemoryStream(_pack, at, _pack.Length - at, writable: false), CompressionMode.Decompress);
        zlib.ReadExactly(data);
        return data;
    }
}
