using System.Text;

namespace Shipshape.Reporting;

/// <summary>Makes text from scanned files safe to print: a file must not be able to drive the terminal.</summary>
public static class TerminalText
{
    /// <summary>
    /// Removes C0 controls except tab and newline (ESC among them), DEL and C1 controls (0x80-0x9f,
    /// which some terminals treat as escape introducers); everything else is kept unchanged.
    /// </summary>
    public static string Sanitize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var firstBad = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsStripped(text[i]))
            {
                firstBad = i;
                break;
            }
        }

        if (firstBad < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            if (!IsStripped(text[i]))
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether <paramref name="c"/> is removed by <see cref="Sanitize"/>.</summary>
    public static bool IsStripped(char c) =>
        (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f);
}
