namespace Shipshape.Secrets.Sources;

/// <summary>
/// Tar read from a stream, one header at a time, the data of each member read (or skipped) by the caller before the
/// next: ustar, GNU (long names, base-256 sizes) and PAX headers, checked as <see cref="TarFormat"/> checks them. Meta
/// headers (GNU long names, PAX records) are read only within their limits, so a lying size never allocates; the
/// data of members is never buffered here. The same reader serves archives in memory and image layers streamed from
/// a decompressor.
/// </summary>
public sealed class TarStreamReader
{
    private const int Block = 512;

    private readonly Stream _stream;
    private readonly byte[] _header = new byte[Block];
    private long _pendingData;
    private int _pendingPad;

    /// <param name="stream">Read from its current position; when it can seek, sizes are checked against its length.</param>
    public TarStreamReader(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        Position = stream.CanSeek ? stream.Position : 0;
    }

    /// <summary>Bytes consumed so far (from the stream's start when it can seek).</summary>
    public long Position { get; private set; }

    /// <summary>
    /// The next member (meta headers consumed on the way; the previous member's unread data skipped). False at the
    /// end, or with <paramref name="stop"/> set when the archive cannot be read further; <paramref name="warnings"/>
    /// receives what was ignored on the way.
    /// </summary>
    public bool TryReadNext(out TarEntryHeader entry, ICollection<string> warnings, out string? stop)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        entry = default;
        stop = null;
        if (!Skip(_pendingData))
        {
            stop = "the archive ends inside a member's data";
            return false;
        }

        // Padding after the last member is sometimes missing; the next header read then finds the end.
        Skip(_pendingPad);

        _pendingData = 0;
        _pendingPad = 0;
        string? longName = null;
        string? longLink = null;
        TarFormat.PaxRecords pax = default;
        while (true)
        {
            var at = Position;
            var read = ReadUpTo(_header);
            if (read == 0)
            {
                return false;
            }

            if (read < Block)
            {
                stop = $"the archive ends inside a header at byte {at}";
                return false;
            }

            var header = _header.AsSpan();
            if (header.IndexOfAnyExcept((byte)0) < 0)
            {
                return false;
            }

            if (!TarFormat.ChecksumMatches(header))
            {
                stop = $"the header at byte {at} is corrupt (bad checksum): the members after it are not read";
                return false;
            }

            if (!TarFormat.TryParseSize(header.Slice(124, 12), out var size))
            {
                stop = $"the header at byte {at} has an invalid or negative size: the members after it are not read";
                return false;
            }

            var type = (char)header[156];
            if (type is '0' or '\0' or '7' && pax.Size is { } overridden)
            {
                size = overridden;
            }

            var dataAt = at + Block;
            if (_stream.CanSeek && size > _stream.Length - dataAt)
            {
                stop = $"the member at byte {at} claims {size} bytes, but only {_stream.Length - dataAt} remain: the archive is truncated or lies";
                return false;
            }

            var pad = (int)((Block - (size % Block)) % Block);
            switch (type)
            {
                case 'L' or 'K':
                    var isName = type == 'L';
                    if (size > TarFormat.MaxNameBytes)
                    {
                        warnings.Add($"a GNU long {(isName ? "name" : "link name")} of {size} bytes (over the {TarFormat.MaxNameBytes}-byte limit) at byte {at} is ignored");
                        if (!Skip(size + pad))
                        {
                            stop = "the archive ends inside a member's data";
                            return false;
                        }
                    }
                    else if (ReadMeta((int)size, pad) is { } nameBytes)
                    {
                        var text = TarFormat.Text(nameBytes);
                        longName = isName ? text : longName;
                        longLink = isName ? longLink : text;
                    }
                    else
                    {
                        stop = "the archive ends inside a member's data";
                        return false;
                    }

                    break;

                case 'x':
                    if (size > TarFormat.MaxPaxBytes)
                    {
                        warnings.Add($"a PAX header of {size} bytes (over the {TarFormat.MaxPaxBytes}-byte limit) at byte {at} is ignored");
                        if (!Skip(size + pad))
                        {
                            stop = "the archive ends inside a member's data";
                            return false;
                        }
                    }
                    else if (ReadMeta((int)size, pad) is not { } records)
                    {
                        stop = "the archive ends inside a member's data";
                        return false;
                    }
                    else if (!TarFormat.TryParsePax(records, out pax))
                    {
                        stop = $"the PAX header at byte {at} is malformed (bad record length or size): the members after it are not read";
                        return false;
                    }

                    break;

                case 'g':
                    // Global PAX attributes say nothing about one member's content.
                    if (!Skip(size + pad))
                    {
                        stop = "the archive ends inside a member's data";
                        return false;
                    }

                    break;

                default:
                    var name = pax.Path ?? longName ?? TarFormat.UstarName(header);
                    var link = pax.LinkPath ?? longLink ?? TarFormat.Text(header.Slice(157, 100));
                    TarFormat.TryParseOctal(header.Slice(100, 8), out var mode);

                    // Links, directories and devices carry no data whatever their size field says (except hard links in old tars, which is skipped too).
                    entry = new TarEntryHeader(name, type, mode, size, link, dataAt);
                    _pendingData = size;
                    _pendingPad = pad;
                    return true;
            }
        }
    }

    /// <summary>Reads up to <paramref name="buffer"/>'s length of the current member's data; 0 at its end.</summary>
    public int ReadData(Span<byte> buffer)
    {
        if (_pendingData == 0 || buffer.IsEmpty)
        {
            return 0;
        }

        var read = _stream.Read(buffer[..(int)Math.Min(buffer.Length, _pendingData)]);
        if (read == 0)
        {
            throw new EndOfStreamException("the archive ends inside a member's data");
        }

        _pendingData -= read;
        Position += read;
        return read;
    }

    private byte[]? ReadMeta(int size, int pad)
    {
        var data = new byte[size];
        if (ReadUpTo(data) < size)
        {
            return null;
        }

        Skip(pad);

        return data;
    }

    private int ReadUpTo(Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = _stream.Read(buffer[total..]);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        Position += total;
        return total;
    }

    private bool Skip(long count)
    {
        if (count <= 0)
        {
            return true;
        }

        if (_stream.CanSeek)
        {
            var left = _stream.Length - _stream.Position;
            var step = Math.Min(count, left);
            _stream.Seek(step, SeekOrigin.Current);
            Position += step;

            return step == count;
        }

        Span<byte> sink = stackalloc byte[8192];
        while (count > 0)
        {
            var read = _stream.Read(sink[..(int)Math.Min(sink.Length, count)]);
            if (read == 0)
            {
                return false;
            }

            count -= read;
            Position += read;
        }

        return true;
    }
}
