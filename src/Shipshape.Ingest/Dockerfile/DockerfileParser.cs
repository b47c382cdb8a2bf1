using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Shipshape.Core;
using Shipshape.Core.Model;

namespace Shipshape.Ingest.Dockerfile;

/// <summary>
/// Parses a Dockerfile following Docker's Dockerfile reference: parser directives (<c>syntax</c>,
/// <c>escape</c>, <c>check</c>) at the top only, comment lines (also inside continuations), line
/// continuations with the escape character, empty continuation lines, heredocs (<c>&lt;&lt;EOF</c>,
/// <c>&lt;&lt;-EOF</c>, quoted delimiters) on RUN, COPY and ADD, and JSON (exec) or shell forms. Malformed
/// input gives diagnostics with a line, never an exception.
/// </summary>
public static partial class DockerfileParser
{
    // The instructions of the Dockerfile reference, for telling a typo from an instruction.
    private static readonly FrozenSet<string> Known = new[]
    {
        "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL",
        "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static DockerfileSyntax Parse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var directives = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        var escape = '\\';
        var i = 0;

        // Directives: "# name=value" lines at the very top; anything else ends the directive section.
        for (; i < lines.Length; i++)
        {
            var match = DirectivePattern().Match(lines[i]);
            if (!match.Success)
            {
                break;
            }

            var name = match.Groups["name"].Value.ToLowerInvariant();
            if (name is not ("syntax" or "escape" or "check") || directives.ContainsKey(name))
            {
                break;
            }

            var value = match.Groups["value"].Value.Trim();
            directives[name] = value;
            if (name == "escape")
            {
                if (value is "\\" or "`")
                {
                    escape = value[0];
                }
                else
                {
                    diagnostics.Add(Diagnostic.Warning(Span(path, i + 1, i + 1, lines[i]), $"invalid escape directive '{value}': only \\ and ` are allowed; using \\"));
                }
            }
        }

        var instructions = ImmutableArray.CreateBuilder<DockerfileInstruction>();
        while (i < lines.Length)
        {
            var first = lines[i].TrimStart();
            if (first.Length == 0 || first[0] == '#')
            {
                i++;
                continue;
            }

            var startLine = i + 1;
            var logical = new StringBuilder();
            var lastLine = i;
            while (i < lines.Length)
            {
                var line = lines[i];
                lastLine = i;
                i++;
                if (EndsWithContinuation(line, escape, out var body))
                {
                    logical.Append(body);
                    // Comment lines and empty lines inside a continuation are removed (Dockerfile reference).
                    while (i < lines.Length && (lines[i].Trim().Length == 0 || lines[i].TrimStart().StartsWith('#')))
                    {
                        i++;
                    }

                    if (i >= lines.Length)
                    {
                        break;
                    }

                    continue;
                }

                logical.Append(line);
                break;
            }

            var content = logical.ToString().Trim();
            var split = content.IndexOfAny([' ', '\t']);
            var keyword = (split < 0 ? content : content[..split]).ToUpperInvariant();
            var rest = split < 0 ? string.Empty : content[(split + 1)..].Trim();
            var span = Span(path, startLine, lastLine + 1, lines[lastLine]);

            if (!KeywordPattern().IsMatch(keyword))
            {
                diagnostics.Add(Diagnostic.Error(span, $"line {startLine}: not a Dockerfile instruction: '{Truncate(content)}'"));
                continue;
            }

            if (!Known.Contains(keyword))
            {
                diagnostics.Add(Diagnostic.Warning(span, $"line {startLine}: unknown instruction '{keyword}'"));
            }

            var heredocs = ImmutableArray<string>.Empty;
            if (keyword is "RUN" or "COPY" or "ADD" && rest.Contains("<<", StringComparison.Ordinal))
            {
                var bodies = ImmutableArray.CreateBuilder<string>();
                foreach (Match marker in HeredocPattern().Matches(rest))
                {
                    var word = marker.Groups["word"].Value;
                    var stripTabs = marker.Groups["dash"].Value.Length > 0;
                    var body = new StringBuilder();
                    var closed = false;
                    while (i < lines.Length)
                    {
                        var line = lines[i];
                        lastLine = i;
                        i++;
                        var candidate = stripTabs ? line.TrimStart('\t') : line;
                        if (string.Equals(candidate, word, StringComparison.Ordinal))
                        {
                            closed = true;
                            break;
                        }

                        body.Append(candidate).Append('\n');
                    }

                    if (!closed)
                    {
                        diagnostics.Add(Diagnostic.Error(span, $"line {startLine}: heredoc '{word}' is not terminated"));
                    }

                    bodies.Add(body.ToString());
                }

                heredocs = bodies.ToImmutable();
                span = Span(path, startLine, lastLine + 1, lines[lastLine]);
            }

            var flags = ImmutableArray.CreateBuilder<string>();
            if (keyword is "FROM" or "COPY" or "ADD" or "RUN" or "HEALTHCHECK")
            {
                while (rest.StartsWith("--", StringComparison.Ordinal))
                {
                    var end = rest.IndexOfAny([' ', '\t']);
                    flags.Add(end < 0 ? rest : rest[..end]);
                    rest = end < 0 ? string.Empty : rest[(end + 1)..].TrimStart();
                }
            }

            var exec = ExecForm(rest);
            instructions.Add(new DockerfileInstruction(keyword, flags.ToImmutable(), rest, exec, heredocs, span)
            {
                Words = exec ?? DockerfileWords.Split(rest, escape),
                Pipelines = keyword == "RUN" ? Script(rest, exec, heredocs) : [],
            });
        }

        return new DockerfileSyntax(directives.ToImmutable(), escape, instructions.ToImmutable(), diagnostics.ToImmutable());
    }

    /// <summary>The words of a JSON array of strings; null when the text is not one (Docker then runs it in a shell).</summary>
    public static ImmutableArray<string>? ExecForm(string arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var text = arguments.Trim();
        if (!text.StartsWith('[') || !text.EndsWith(']'))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var words = ImmutableArray.CreateBuilder<string>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    return null;
                }

                words.Add(item.GetString() ?? string.Empty);
            }

            return words.ToImmutable();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static readonly string[] Shells = ["sh", "bash", "ash", "dash", "zsh", "ksh", "mksh"];

    /// <summary>
    /// The commands a RUN makes the shell run. Exec form runs its program directly, or a script after
    /// <c>sh -c</c>; a heredoc is the script when nothing else or a bare shell reads it (<c>RUN &lt;&lt;EOF</c>,
    /// <c>RUN bash &lt;&lt;EOF</c>), and is only data otherwise (<c>RUN python3 &lt;&lt;EOF</c>).
    /// </summary>
    private static ImmutableArray<ImmutableArray<ShellCommand>> Script(string arguments, ImmutableArray<string>? exec, ImmutableArray<string> heredocs)
    {
        if (exec is { } words)
        {
            return words.Length >= 3 && Shells.Contains(Path.GetFileName(words[0]), StringComparer.Ordinal) && words[1] == "-c"
                ? ShellSyntax.Parse(words[2])
                : ShellSyntax.Parse(string.Join(' ', words.Select(Quote)));
        }

        if (heredocs.IsEmpty)
        {
            return ShellSyntax.Parse(arguments);
        }

        var line = ShellSyntax.Parse(HeredocPattern().Replace(arguments, string.Empty));
        var reader = line.SelectMany(p => p).ToList();
        var bodyIsScript = reader.Count == 0
            || (reader.Count == 1 && Shells.Contains(reader[0].Program, StringComparer.Ordinal) && reader[0].Arguments.All(a => a.StartsWith('-')));
        return bodyIsScript ? [.. line, .. heredocs.SelectMany(h => ShellSyntax.Parse(h))] : line;
    }

    private static string Quote(string word) =>
        word.Length > 0 && word.AsSpan().IndexOfAny(" \t\n'\"\\;&|<>()$`") < 0 ? word : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static bool EndsWithContinuation(string line, char escape, out string body)
    {
        var trimmed = line.TrimEnd(' ', '\t');
        if (trimmed.Length > 0 && trimmed[^1] == escape && !trimmed.TrimStart().StartsWith('#'))
        {
            body = trimmed[..^1];
            return true;
        }

        body = line;
        return false;
    }

    private static SourceSpan Span(string path, int start, int end, string lastLine) => new(path, start, 1, end, lastLine.Length + 1);

    private static string Truncate(string text) => text.Length <= 60 ? text : text[..60] + "…";

    [GeneratedRegex(@"^#[ \t]*(?<name>[A-Za-z][A-Za-z0-9_-]*)[ \t]*=(?<value>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex DirectivePattern();

    [GeneratedRegex(@"^[A-Z][A-Z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex KeywordPattern();

    [GeneratedRegex(@"<<(?<dash>-?)(?<quote>[""']?)(?<word>[A-Za-z_][A-Za-z0-9_.-]*)\k<quote>", RegexOptions.CultureInvariant)]
    private static partial Regex HeredocPattern();
}
