using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Shipshape.Core;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Shipshape.Ingest.Syntax;

/// <summary>
/// Parses YAML (every document of a stream) into the positioned syntax tree, iteratively, with bounds on depth and
/// on alias expansion; merge keys ("&lt;&lt;") are applied. Malformed input becomes a diagnostic with its line.
/// </summary>
public static class YamlSyntaxParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ParsedDocument Parse(string path, ReadOnlyMemory<byte> content, ParseLimits? limits = null, CancellationToken cancellationToken = default)
    {
        limits ??= ParseLimits.Default;
        string text;
        try
        {
            var bytes = content.Span;
            if (bytes.StartsWith("\uFEFF"u8))
            {
                bytes = bytes[3..];
            }

            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var line = ex.Index >= 0 ? new LineIndex(content.Span).Locate(ex.Index).Line : 0;
            return new ParsedDocument([], [Diagnostic.Error(new SourceSpan(path, line, 0, line, 0), "invalid UTF-8 in YAML file")]);
        }

        return Parse(path, text, limits, cancellationToken);
    }

    public static ParsedDocument Parse(string path, string text, ParseLimits? limits = null, CancellationToken cancellationToken = default)
    {
        limits ??= ParseLimits.Default;
        var roots = ImmutableArray.CreateBuilder<SyntaxNode>();
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, SyntaxNode>(StringComparer.Ordinal);
        var stack = new Stack<Frame>();
        // The alias budget is per file, not per document: a stream of many documents, each just under a
        // per-document limit, would otherwise multiply it.
        long expanded = 0;
        var events = 0;
        try
        {
            while (parser.MoveNext())
            {
                if ((++events & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                SyntaxNode? completed = null;
                string? anchor = null;
                switch (parser.Current)
                {
                    case DocumentStart:
                        anchors.Clear();
                        continue;
                    case Scalar scalar:
                        completed = MakeScalar(path, scalar);
                        anchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
                        break;
                    case AnchorAlias alias:
                        if (!anchors.TryGetValue(alias.Value.Value, out completed))
                        {
                            return Fail(path, alias.Start, $"unknown alias '*{alias.Value.Value}'");
                        }

                        expanded += completed.Weight;
                        if (expanded > limits.MaxNodes)
                        {
                            return Fail(path, alias.Start, $"file expands to more than {limits.MaxNodes} nodes through aliases; refusing to expand it");
                        }

                        break;
                    case MappingStart mappingStart:
                        if (stack.Count >= limits.MaxDepth)
                        {
                            return Fail(path, mappingStart.Start, $"nesting deeper than {limits.MaxDepth} levels");
                        }

                        stack.Push(new Frame(true, mappingStart.Start, Tag(mappingStart.Tag), mappingStart.Anchor.IsEmpty ? null : mappingStart.Anchor.Value));
                        continue;
                    case SequenceStart sequenceStart:
                        if (stack.Count >= limits.MaxDepth)
                        {
                            return Fail(path, sequenceStart.Start, $"nesting deeper than {limits.MaxDepth} levels");
                        }

                        stack.Push(new Frame(false, sequenceStart.Start, Tag(sequenceStart.Tag), sequenceStart.Anchor.IsEmpty ? null : sequenceStart.Anchor.Value));
                        continue;
                    case MappingEnd mappingEnd:
                    {
                        var frame = stack.Pop();
                        completed = new MappingNode(Span(path, frame.Start, mappingEnd.End), Merge(frame.Entries), frame.Tag);
                        anchor = frame.Anchor;
                        break;
                    }

                    case SequenceEnd sequenceEnd:
                    {
                        var frame = stack.Pop();
                        completed = new SequenceNode(Span(path, frame.Start, sequenceEnd.End), frame.Items.ToImmutable(), frame.Tag);
                        anchor = frame.Anchor;
                        break;
                    }

                    default:
                        continue;
                }

                if (anchor is not null)
                {
                    anchors[anchor] = completed;
                }

                if (stack.Count == 0)
                {
                    roots.Add(completed);
                    continue;
                }

                var parent = stack.Peek();
                if (!parent.IsMapping)
                {
                    parent.Items.Add(completed);
                }
                else if (parent.PendingKey is null)
                {
                    parent.PendingKey = completed as ScalarNode
                        ?? new ScalarNode(completed.Span, "<complex key>", ScalarKind.String);
                }
                else
                {
                    parent.Entries.Add(new MappingEntry(parent.PendingKey, completed));
                    parent.PendingKey = null;
                }
            }
        }
        catch (YamlException ex)
        {
            return Fail(path, ex.Start, "invalid YAML: " + Clean(ex.Message));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet reports some malformed input (bad tags, escapes beyond Unicode, stray bytes after "...") this way.
            var mark = parser.Current?.Start ?? Mark.Empty;
            return Fail(path, mark, "invalid YAML: " + ex.Message);
        }
        catch (OverflowException)
        {
            return new ParsedDocument([], [Diagnostic.Error(SourceSpan.FileOnly(path), "document is too large to expand")]);
        }

        return new ParsedDocument(roots.ToImmutable(), []);
    }

    private static ImmutableArray<MappingEntry> Merge(List<MappingEntry> entries)
    {
        if (!entries.Exists(e => e.Key.Text == "<<" && e.Key.Tag is null))
        {
            return [.. entries];
        }

        var own = entries.Where(e => e.Key.Text != "<<").ToList();
        var merged = new List<MappingEntry>(own);
        var seen = new HashSet<string>(own.Select(e => e.Key.Text), StringComparer.Ordinal);
        foreach (var mergeEntry in entries.Where(e => e.Key.Text == "<<"))
        {
            var sources = mergeEntry.Value switch
            {
                MappingNode m => [m],
                SequenceNode s => s.Items.OfType<MappingNode>().ToList(),
                _ => new List<MappingNode>(),
            };
            foreach (var source in sources)
            {
                foreach (var entry in source.Entries)
                {
                    if (seen.Add(entry.Key.Text))
                    {
                        merged.Add(entry);
                    }
                }
            }
        }

        return [.. merged];
    }

    private static ScalarNode MakeScalar(string path, Scalar scalar)
    {
        var tag = Tag(scalar.Tag);
        var kind = ScalarKind.String;
        if (scalar.Style == ScalarStyle.Plain && (tag is null || tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) == false))
        {
            kind = tag is null ? Resolve(scalar.Value) : ScalarKind.String;
        }

        if (tag is "tag:yaml.org,2002:str")
        {
            kind = ScalarKind.String;
            tag = null;
        }

        return new ScalarNode(Span(path, scalar.Start, scalar.End), scalar.Value, kind, tag);
    }

    /// <summary>YAML 1.2 core schema resolution of plain scalars.</summary>
    private static ScalarKind Resolve(string value)
    {
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return ScalarKind.Null;
            case "true" or "True" or "TRUE" or "false" or "False" or "FALSE":
                return ScalarKind.Boolean;
        }

        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            return ScalarKind.Integer;
        }

        if (value.Length > 0 && (char.IsAsciiDigit(value[0]) || value[0] is '-' or '+' or '.')
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return ScalarKind.Float;
        }

        return ScalarKind.String;
    }

    private static string? Tag(TagName tag)
    {
        if (tag.IsEmpty || tag.IsNonSpecific)
        {
            return null;
        }

        return tag.Value;
    }

    private static SourceSpan Span(string path, Mark start, Mark end) =>
        new(path, (int)start.Line, (int)start.Column, (int)end.Line, (int)end.Column);

    private static ParsedDocument Fail(string path, Mark mark, string message)
    {
        var line = (int)mark.Line;
        return new ParsedDocument([], [Diagnostic.Error(new SourceSpan(path, line, (int)mark.Column, line, (int)mark.Column), message)]);
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes positions like "(Line: 3, Col: 1, Idx: 20) - (Line: ...): "; the diagnostic carries the line.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }

    private sealed class Frame(bool isMapping, Mark start, string? tag, string? anchor)
    {
        public bool IsMapping { get; } = isMapping;
        public Mark Start { get; } = start;
        public string? Tag { get; } = tag;
        public string? Anchor { get; } = anchor;
        public List<MappingEntry> Entries { get; } = [];
        public ImmutableArray<SyntaxNode>.Builder Items { get; } = ImmutableArray.CreateBuilder<SyntaxNode>();
        public ScalarNode? PendingKey { get; set; }
    }
}
