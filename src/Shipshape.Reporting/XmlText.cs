using System.Text;

namespace Shipshape.Reporting;

/// <summary>Makes scanned text writable as XML 1.0, which forbids most control characters and lone surrogates.</summary>
internal static class XmlText
{
    public static string Clean(string? text)
    {
        var sanitized = TerminalText.Sanitize(text);
        var builder = (StringBuilder?)null;
        for (var i = 0; i < sanitized.Length; i++)
        {
            var c = sanitized[i];
            var keep = true;
            if (char.IsHighSurrogate(c) && i + 1 < sanitized.Length && char.IsLowSurrogate(sanitized[i + 1]))
            {
                builder?.Append(c).Append(sanitized[i + 1]);
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                keep = false;
            }

            if (!keep && builder is null)
            {
                builder = new StringBuilder(sanitized.Length).Append(sanitized, 0, i);
            }
            else if (keep)
            {
                builder?.Append(c);
            }
        }

        return builder?.ToString() ?? sanitized;
    }
}
