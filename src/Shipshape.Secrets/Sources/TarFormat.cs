using System.Globalization;
using System.Text;

namespace Shipshape.Secrets.Sources;

/// <summary>
/// Tar read from bytes in memory (through <see cref="TarStreamReader"/>, which shares the header parsing below):
/// ustar, GNU (long names, base-256 sizes) and PAX headers. Every header's checksum and
/// every size (octal, base-256, PAX decimal) is checked against what is left of the archive before it is used, so a
/// lying, negative or huge size stops the reading with a problem instead of allocating or running past the end.
/// </summary>
internal static class TarFormat
{
    /// <summary>PATH_MAX is 4 KiB on Linux; a GNU long name or PAX path over 64 KiB is not a real file name.</summary>
    public const int MaxNameBytes = 64 * 1024;

    /// <summary>Real PAX records hold a few names, times and IDs; a larger block is not parsed.</summary>
    public const int MaxPaxBytes = 1024 * 1024;

    private const int Block = 512;

    /// <summary>
    /// The next member from <paramref name="at"/> on (meta headers consumed on the way). False at the end, or with
    /// <paramref name="stop"/> set when the archive cannot be read further; <paramref name="warnings"/> receives
    /// what was ignored on the way.
    /// </summary>
    public static bool TryReadNext(byte[] content, ref int at, out TarMember member, ICollection<string> warnings, out string? stop)
    {
        member = default;
        using var stream = new MemoryStream(content, writable: false) { Position = at };
        var reader = new TarStreamReader(stream);
        if (!reader.TryReadNext(out var entry, warnings, out stop))
        {
            return false;
        }

        var length = (int)entry.Size;
        var dataAt = (int)entry.DataAt;
        var next = dataAt + length;
        next += (Block - (next % Block)) % Block;
        member = new TarMember(entry.Name, dataAt, length, entry.IsFile);
        at = Math.Min(next, content.Length);
        return true;
    }

    internal static string UstarName(ReadOnlySpan<byte> header)
    {
        var name = Text(header[..100]);
        var prefix = header.Slice(257, 5).SequenceEqual("ustar"u8) ? Text(header.Slice(345, 155)) : string.Empty;
        return prefix.Length > 0 ? prefix + "/" + name : name;
    }

    internal static string Text(ReadOnlySpan<byte> field)
    {
        var nul = field.IndexOf((byte)0);
        return Encoding.UTF8.GetString(nul < 0 ? field : field[..nul]);
    }

    internal static bool ChecksumMatches(ReadOnlySpan<byte> header)
    {
        long sum = 0;
        for (var i = 0; i < Block; i++)
        {
            sum += i is >= 148 and < 156 ? ' ' : header[i];
        }

        return TryParseOctal(header.Slice(148, 8), out var stored) && stored == sum;
    }

    // Octal digits (space or NUL padded), or GNU base-256: the high bit of the first byte set, big-endian two's complement.
    internal static bool TryParseSize(ReadOnlySpan<byte> field, out long size)
    {
        if ((field[0] & 0x80) == 0)
        {
            return TryParseOctal(field, out size);
        }

        size = 0;
        if ((field[0] & 0x40) != 0)
        {
            return false;
        }

        var value = (ulong)(field[0] & 0x3f);
        foreach (var b in field[1..])
        {
            if (value > (ulong.MaxValue >> 9))
            {
                return false;
            }

            value = (value << 8) | b;
        }

        size = value > long.MaxValue ? -1 : (long)value;
        return size >= 0;
    }

    internal static bool TryParseOctal(ReadOnlySpan<byte> field, out long value)
    {
        value = 0;
        var digits = 0;
        foreach (var b in field)
        {
            if (b is (byte)' ' or 0)
            {
                if (digits > 0)
                {
                    break;
                }

                continue;
            }

            if (b is < (byte)'0' or > (byte)'7' || value > (long.MaxValue >> 3))
            {
                return false;
            }

            value = (value << 3) | (long)(b - '0');
            digits++;
        }

        return true;
    }

    /// <summary>What a PAX header says about the member after it: its path, link target and size, when given.</summary>
    internal readonly record struct PaxRecords(string? Path, string? LinkPath, long? Size);

    // Records "<length> <key>=<value>\n"; only path, linkpath and size matter here.
    internal static bool TryParsePax(ReadOnlySpan<byte> data, out PaxRecords records)
    {
        records = default;
        string? path = null;
        string? linkPath = null;
        long? size = null;
        var at = 0;
        while (at < data.Length && data[at] != 0)
        {
            var space = data[at..].IndexOf((byte)' ');
            if (space <= 0 || !int.TryParse(data.Slice(at, space), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                || length <= space + 1 || length > data.Length - at || data[at + length - 1] != '\n')
            {
                return false;
            }

            var record = Encoding.UTF8.GetString(data.Slice(at + space + 1, length - space - 2));
            var equals = record.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                var key = record[..equals];
                var value = record[(equals + 1)..];
                if (key == "path")
                {
                    path = value.Length <= MaxNameBytes ? value : null;
                }
                else if (key == "linkpath")
                {
                    linkPath = value.Length <= MaxNameBytes ? value : null;
                }
                else if (key == "size")
                {
                    if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                    {
                        return false;
                    }

                    size = parsed;
                }
            }

            at += length;
        }

        records = new PaxRecords(path, linkPath, size);
        return true;
    }
}
