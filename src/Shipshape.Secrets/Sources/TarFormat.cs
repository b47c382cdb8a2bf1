using System.Globalization;
using System.Text;

namespace Shipshape.Secrets.Sources;

/// <summary>
/// Tar read from bytes in memory: ustar, GNU (long names, base-256 sizes) and PAX headers. Every header's checksum and
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
        stop = null;
        string? longName = null;
        string? paxPath = null;
        long? paxSize = null;
        while (content.Length - at >= Block)
        {
            var header = content.AsSpan(at, Block);
            if (header.IndexOfAnyExcept((byte)0) < 0)
            {
                return false;
            }

            if (!ChecksumMatches(header))
            {
                stop = $"the header at byte {at} is corrupt (bad checksum): the members after it are not read";
                return false;
            }

            if (!TryParseSize(header.Slice(124, 12), out var size))
            {
                stop = $"the header at byte {at} has an invalid or negative size: the members after it are not read";
                return false;
            }

            var type = (char)header[156];
            if (type is '0' or '\0' or '7' && paxSize is { } overridden)
            {
                size = overridden;
            }

            var dataAt = at + Block;
            if (size > content.Length - dataAt)
            {
                stop = $"the member at byte {at} claims {size} bytes, but only {content.Length - dataAt} remain: the archive is truncated or lies";
                return false;
            }

            var length = (int)size;
            var next = dataAt + length;
            next += (Block - (next % Block)) % Block;
            var data = content.AsSpan(dataAt, length);
            switch (type)
            {
                case 'L':
                    if (length > MaxNameBytes)
                    {
                        warnings.Add($"a GNU long name of {length} bytes (over the {MaxNameBytes}-byte limit) at byte {at} is ignored");
                    }
                    else
                    {
                        longName = Text(data);
                    }

                    break;

                case 'x':
                    if (length > MaxPaxBytes)
                    {
                        warnings.Add($"a PAX header of {length} bytes (over the {MaxPaxBytes}-byte limit) at byte {at} is ignored");
                    }
                    else if (!TryParsePax(data, out paxPath, out paxSize))
                    {
                        stop = $"the PAX header at byte {at} is malformed (bad record length or size): the members after it are not read";
                        return false;
                    }

                    break;

                case 'g' or 'K':
                    // Global PAX attributes and GNU long link names say nothing about the content.
                    break;

                default:
                    var name = paxPath ?? longName ?? UstarName(header);
                    member = new TarMember(name, dataAt, length, type is '0' or '\0' or '7');
                    at = Math.Min(next, content.Length);
                    return true;
            }

            at = Math.Min(next, content.Length);
        }

        if (at < content.Length)
        {
            stop = $"the archive ends inside a header at byte {at}";
        }

        return false;
    }

    private static string UstarName(ReadOnlySpan<byte> header)
    {
        var name = Text(header[..100]);
        var prefix = header.Slice(257, 5).SequenceEqual("ustar"u8) ? Text(header.Slice(345, 155)) : string.Empty;
        return prefix.Length > 0 ? prefix + "/" + name : name;
    }

    private static string Text(ReadOnlySpan<byte> field)
    {
        var nul = field.IndexOf((byte)0);
        return Encoding.UTF8.GetString(nul < 0 ? field : field[..nul]);
    }

    private static bool ChecksumMatches(ReadOnlySpan<byte> header)
    {
        long sum = 0;
        for (var i = 0; i < Block; i++)
        {
            sum += i is >= 148 and < 156 ? ' ' : header[i];
        }

        return TryParseOctal(header.Slice(148, 8), out var stored) && stored == sum;
    }

    // Octal digits (space or NUL padded), or GNU base-256: the high bit of the first byte set, big-endian two's complement.
    private static bool TryParseSize(ReadOnlySpan<byte> field, out long size)
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

    private static bool TryParseOctal(ReadOnlySpan<byte> field, out long value)
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

    // Records "<length> <key>=<value>\n"; only path and size matter here.
    private static bool TryParsePax(ReadOnlySpan<byte> data, out string? path, out long? size)
    {
        path = null;
        size = null;
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

        return true;
    }
}
