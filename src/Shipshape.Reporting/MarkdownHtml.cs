using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Shipshape.Reporting;

/// <summary>
/// Renders the small Markdown subset that rule metadata uses (paragraphs, bullet lists, fenced code blocks,
/// `code`, **bold** and [links](https://…)) as HTML. Safe by construction: the text is HTML-encoded before any
/// markup is added, so nothing in it can open a tag or an attribute, and only http(s) links become anchors.
/// </summary>
internal static partial class MarkdownHtml
{
    /// <summary>The HTML for <paramref name="markdown"/>: block elements (p, ul, pre), never a script or an attribute other than href.</summary>
    public static string Render(string? markdown)
    {
        var lines = TerminalText.Sanitize(markdown).Split('\n');
        var html = new StringBuilder();
        var paragraph = new List<string>();
        var items = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                Flush(html, paragraph, items);
                var code = new List<string>();
                for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal); i++)
                {
                    code.Add(lines[i].TrimEnd());
                }

                html.Append("<pre><code>").Append(Encode(string.Join("\n", code))).Append("</code></pre>");
            }
            else if (trimmed.Length == 0)
            {
                Flush(html, paragraph, items);
            }
            else if (trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed.StartsWith("* ", StringComparison.Ordinal))
            {
                FlushParagraph(html, paragraph);
                items.Add(trimmed[2..].Trim());
            }
            else if (items.Count > 0 && line.Length > trimmed.Length)
            {
                // An indented line continues the list item above it.
                items[^1] += " " + trimmed;
            }
            else
            {
                FlushList(html, items);
                paragraph.Add(trimmed);
            }
        }

        Flush(html, paragraph, items);
        return html.ToString();
    }

    /// <summary>One line of Markdown as inline HTML (code spans, bold, http(s) links); everything else encoded.</summary>
    public static string Inline(string text)
    {
        // Code spans first: their content is shown literally, with no bold or links inside.
        var parts = text.Split('`');
        var html = new StringBuilder(text.Length + 16);
        for (var i = 0; i < parts.Length; i++)
        {
            var isCode = i % 2 == 1 && i < parts.Length - 1;
            if (isCode)
            {
                html.Append("<code>").Append(Encode(parts[i])).Append("</code>");
            }
            else
            {
                if (i % 2 == 1)
                {
                    html.Append('`'); // an unmatched backtick stays literal
                }

                html.Append(Emphasis(Encode(parts[i])));
            }
        }

        return html.ToString();
    }

    private static string Emphasis(string encoded)
    {
        var linked = LinkPattern().Replace(encoded, m =>
            Uri.TryCreate(WebUtility.HtmlDecode(m.Groups["url"].Value), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                ? "<a href=\"" + m.Groups["url"].Value + "\" rel=\"noopener noreferrer\">" + m.Groups["text"].Value + "</a>"
                : m.Value);
        return BoldPattern().Replace(linked, "<strong>$1</strong>");
    }

    private static string Encode(string text) => HtmlText.Encode(text);

    private static void Flush(StringBuilder html, List<string> paragraph, List<string> items)
    {
        FlushParagraph(html, paragraph);
        FlushList(html, items);
    }

    private static void FlushParagraph(StringBuilder html, List<string> paragraph)
    {
        if (paragraph.Count > 0)
        {
            html.Append("<p>").Append(Inline(string.Join(" ", paragraph))).Append("</p>");
            paragraph.Clear();
        }
    }

    private static void FlushList(StringBuilder html, List<string> items)
    {
        if (items.Count > 0)
        {
            html.Append("<ul>");
            foreach (var item in items)
            {
                html.Append("<li>").Append(Inline(item)).Append("</li>");
            }

            html.Append("</ul>");
            items.Clear();
        }
    }

    // Runs on encoded text: '"', '<' and '>' are entities by then, so the URL cannot leave the href attribute;
    // '*' is excluded so that bold markers cannot reach inside it.
    [GeneratedRegex(@"\[(?<text>[^\[\]\n]+)\]\((?<url>https?://[^\s()*]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"\*\*(?=\S)(.+?)(?<=\S)\*\*", RegexOptions.CultureInvariant)]
    private static partial Regex BoldPattern();
}
