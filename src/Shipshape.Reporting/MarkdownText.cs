using System.Text;

namespace Shipshape.Reporting;

/// <summary>Escaping for text from scanned files placed into Markdown (GitHub and GitLab flavoured).</summary>
internal static class MarkdownText
{
    /// <summary>
    /// Inline text that renders literally: control characters removed, Markdown punctuation backslash-escaped
    /// (so a message cannot open a link, an image, emphasis or HTML), and line breaks as &lt;br&gt; so the text
    /// stays in one table cell. '|' is escaped as "\|", which GFM honours inside tables.
    /// </summary>
    public static string Escape(string? text)
    {
        var clean = TerminalText.Sanitize(text);
        var builder = new StringBuilder(clean.Length + 8);
        for (var i = 0; i < clean.Length; i++)
        {
            var c = clean[i];
            switch (c)
            {
                case '\n':
                    builder.Append("<br>");
                    break;
                case '\t':
                    builder.Append(' ');
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~' or '!' or '#' or '&':
                    builder.Append('\\').Append(c);
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>A reference as a Markdown link when it is an http(s) URL, otherwise as escaped text.</summary>
    public static string Link(string reference)
    {
        var trimmed = reference.Trim();
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && !trimmed.Any(c => c is '<' or '>' or ' ' || char.IsControl(c)))
        {
            return "<" + trimmed + ">";
        }

        return Escape(trimmed);
    }
}
