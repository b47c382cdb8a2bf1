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

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static List<EncodedSegment> Find(string text)
    {
        var segments = new List<EncodedSegment>();
        var span = text.AsSpan();
        var at = 0;
        while (at < span.Length)
        {
            var start = span[at..].IndexOfAny(Base64Chars);
            if (start < 0)
            {
                break;
            }

            start += at;
            var length = span[start..].IndexOfAnyExcept(Base64Chars);
            length = length < 0 ? span.Length - start : length;
            var run = span.Slice(start, length);
            at = start + length;
            if (length < MinBase64)
            {
                continue;
            }

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

    private static readonly SearchValues<char> HexChars = SearchValues.Create("0123456789abcdefABCDEF");

    private static string? TryHex(ReadOnlySpan<char> run)
    {
        var bytes = new byte[run.Length / 2];
        return Convert.FromHexString(run, bytes, out _, out _) == OperationStatus.Done ? Printable(bytes) : null;
    }

    private static string? TryBase64(ReadOnlySpan<char> run)
    {
        // Mixed case with a digit or a symbol: plain words and identifiers are not worth decoding.
        if (!run.ContainsAnyInRange('0', '9') && !run.ContainsAny('+', '/'))
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

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

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
