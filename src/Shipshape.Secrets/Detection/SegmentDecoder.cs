using System.Buffers;
using System.Text;

namespace Shipshape.Secrets.Detection;

/// <summary>
/// Finds base64, hex and percent-encoded runs whose decoded bytes are printable text, so secrets hidden by one
/// layer of encoding are found too. Hand-written scans (no regex) keep this pass cheap.
/// </summary>
internal static class SegmentDecoder
{
    public const int MinBase64 = 16;
    public const int MinHex = 32;

    private static readonly SearchValues<char> Base64Chars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_");

    public static List<EncodedSegment> Find(string text)
    {
        var segments = new List<EncodedSegment>();
        var span = text.AsSpan();
        var i = 0;
        while (i + MinBase64 <= span.Length)
        {
            // Skip ahead: a run of MinBase64 encoded characters starting at i must include i + MinBase64 - 1.
            var probe = i + MinBase64 - 1;
            if (!IsBase64Char(span[probe]))
            {
                i = probe + 1;
                continue;
            }

            var back = probe;
            while (back > i && IsBase64Char(span[back - 1]))
            {
                back--;
            }

            if (back > i || (i > 0 && IsBase64Char(span[i - 1])))
            {
                // The run starts before i only if i is mid-run, which the skipping never produces except at 0.
                i = back;
            }

            var start = back;
            var length = span[start..].IndexOfAnyExcept(Base64Chars);
            length = length < 0 ? span.Length - start : length;
            i = start + length + 1;
            if (length < MinBase64)
            {
                continue;
            }

            var run = span.Slice(start, length);
            if (run.Length >= MinHex && run.Length % 2 == 0 && !run.ContainsAnyExcept(HexChars))
            {
                if (TryHex(run) is { } hex)
                {
                    segments.Add(new EncodedSegment(start, length, "hex", hex));
                }

                continue;
            }

            var padded = length;
            while (start + padded < span.Length && span[start + padded] == '=' && padded - length < 2)
            {
                padded++;
            }

            if (TryBase64(span.Slice(start, padded)) is { } decoded)
            {
                segments.Add(new EncodedSegment(start, padded, "base64", decoded));
            }
        }

        FindPercent(text, segments);
        return segments;
    }

    private static bool IsBase64Char(char c) => c < 128 && Base64Table[c];

    private static readonly bool[] Base64Table = Enumerable.Range(0, 128).Select(c => Base64Chars.Contains((char)c)).ToArray();

    private static readonly SearchValues<char> HexChars = SearchValues.Create("0123456789abcdefABCDEF");

    private static string? TryHex(ReadOnlySpan<char> run)
    {
        var bytes = new byte[run.Length / 2];
        return Convert.FromHexString(run, bytes, out _, out _) == OperationStatus.Done ? Printable(bytes) : null;
    }

    private static string? TryBase64(ReadOnlySpan<char> run)
    {
        // Encoded text has upper and lower case and digits, and one alphabet (+/ or -_): paths, words and
        // kebab-case identifiers are not worth decoding.
        if (!run.ContainsAnyInRange('0', '9') || !run.ContainsAnyInRange('A', 'Z') || !run.ContainsAnyInRange('a', 'z')
            || (run.ContainsAny('+', '/') && run.ContainsAny('-', '_')))
        {
            return null;
        }

        Span<char> normal = run.Length <= 4096 ? stackalloc char[run.Length + 3] : new char[run.Length + 3];
        var n = 0;
        foreach (var c in run)
        {
            normal[n++] = c switch { '-' => '+', '_' => '/', _ => c };
        }

        while (n % 4 != 0)
        {
            normal[n++] = '=';
        }

        var bytes = new byte[n / 4 * 3];
        return Convert.TryFromBase64Chars(normal[..n], bytes, out var written) ? Printable(bytes.AsSpan(0, written)) : null;
    }

    private static void FindPercent(string text, List<EncodedSegment> segments)
    {
        var span = text.AsSpan();
        var at = 0;
        while (at < span.Length)
        {
            var i = span[at..].IndexOf('%');
            if (i < 0)
            {
                return;
            }

            i += at;
            at = i + 1;
            if (i + 2 >= span.Length || !char.IsAsciiHexDigit(span[i + 1]) || !char.IsAsciiHexDigit(span[i + 2]))
            {
                continue;
            }

            var start = i;
            while (start > 0 && !char.IsWhiteSpace(span[start - 1]) && span[start - 1] is not ('"' or '\'' or '`'))
            {
                start--;
            }

            var end = i;
            while (end < span.Length && !char.IsWhiteSpace(span[end]) && span[end] is not ('"' or '\'' or '`'))
            {
                end++;
            }

            at = end;
            var token = text[start..end];
            string decoded;
            try
            {
                decoded = Uri.UnescapeDataString(token);
            }
            catch (UriFormatException)
            {
                continue;
            }

            if (!string.Equals(decoded, token, StringComparison.Ordinal))
            {
                segments.Add(new EncodedSegment(start, end - start, "percent", decoded));
            }
        }
    }

    private static string? Printable(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 8)
        {
            return null;
        }

        // Checked first: a decoder exception per random-looking run would cost more than the whole scan.
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(bytes);
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            {
                return null;
            }
        }

        return text;
    }
}
