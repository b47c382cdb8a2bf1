using System.Text;

namespace Shipshape.Reporting;

/// <summary>Encoding for text placed into HTML element content or a double-quoted attribute value.</summary>
internal static class HtmlText
{
    /// <summary>
    /// Control characters removed (as for a terminal), then '&amp;', '&lt;', '&gt;' and '"' as entities: enough for
    /// element content and double-quoted attributes, the only kind the writers emit. Other characters stay as
    /// they are (the page is UTF-8), which keeps reports of large scans small.
    /// </summary>
    public static string Encode(string? text)
    {
        var clean = TerminalText.Sanitize(text);
        if (clean.AsSpan().IndexOfAny("&<>\"") < 0)
        {
            return clean;
        }

        var builder = new StringBuilder(clean.Length + 16);
        foreach (var c in clean)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }
}
