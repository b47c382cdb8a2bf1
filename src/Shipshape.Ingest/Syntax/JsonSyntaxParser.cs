using System.Collections.Immutable;
using System.Text.Json;
using Shipshape.Core;

namespace Shipshape.Ingest.Syntax;

/// <summary>Parses JSON into the positioned syntax tree; malformed input becomes a diagnostic with its line.</summary>
public static class JsonSyntaxParser
{
    public static ParsedDocument Parse(string path, ReadOnlyMemory<byte> content, ParseLimits? limits = null)
    {
        limits ??= ParseLimits.Default;
        var bytes = content.Span;
        var bomLength = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
        var lines = new LineIndex(bytes);
        var options = new JsonReaderOptions
        {
            MaxDepth = limits.MaxDepth,
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        };
        var reader = new Utf8JsonReader(bytes[bomLength..], options);
        var builder = new Builder(path, lines, bomLength);
        try
        {
            if (!reader.Read())
            {
                return new ParsedDocument([], []);
            }

            var root = builder.ReadValue(ref reader);
            if (reader.Read())
            {
                var (line, _) = lines.Locate(reader.TokenStartIndex + bomLength);
                return Failure(path, line, "unexpected content after the end of the JSON document");
            }

            return new ParsedDocument([root], []);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } l ? (int)l + 1 : 0;
            return Failure(path, line, "invalid JSON: " + FirstSentence(ex.Message));
        }
        catch (InvalidOperationException ex)
        {
            // Utf8JsonReader reports invalid UTF-8 inside strings this way.
            var (line, _) = lines.Locate(reader.TokenStartIndex + bomLength);
            return Failure(path, line, "invalid JSON: " + FirstSentence(ex.Message));
        }
    }

    private static ParsedDocument Failure(string path, int line, string message) =>
        new([], [Diagnostic.Error(new SourceSpan(path, line, 0, line, 0), message)]);

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private sealed class Builder(string path, LineIndex lines, int offset)
    {
        public SyntaxNode ReadValue(ref Utf8JsonReader reader)
        {
            var start = reader.TokenStartIndex + offset;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                {
                    var entries = ImmutableArray.CreateBuilder<MappingEntry>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                    {
                        var keyStart = reader.TokenStartIndex + offset;
                        var key = new ScalarNode(Span(keyStart, reader.BytesConsumed + offset), reader.GetString() ?? string.Empty, ScalarKind.String);
                        reader.Read();
                        entries.Add(new MappingEntry(key, ReadValue(ref reader)));
                    }

                    return new MappingNode(Span(start, reader.BytesConsumed + offset), entries.ToImmutable());
                }

                case JsonTokenType.StartArray:
                {
                    var items = ImmutableArray.CreateBuilder<SyntaxNode>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        items.Add(ReadValue(ref reader));
                    }

                    return new SequenceNode(Span(start, reader.BytesConsumed + offset), items.ToImmutable());
                }

                case JsonTokenType.String:
                    return new ScalarNode(Span(start, reader.BytesConsumed + offset), reader.GetString() ?? string.Empty, ScalarKind.String);
                case JsonTokenType.Number:
                {
                    var text = System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
                    var kind = text.AsSpan().IndexOfAny(".eE") >= 0 ? ScalarKind.Float : ScalarKind.Integer;
                    return new ScalarNode(Span(start, reader.BytesConsumed + offset), text, kind);
                }

                case JsonTokenType.True:
                    return new ScalarNode(Span(start, reader.BytesConsumed + offset), "true", ScalarKind.Boolean);
                case JsonTokenType.False:
                    return new ScalarNode(Span(start, reader.BytesConsumed + offset), "false", ScalarKind.Boolean);
                default:
                    return new ScalarNode(Span(start, reader.BytesConsumed + offset), string.Empty, ScalarKind.Null);
            }
        }

        private SourceSpan Span(long start, long end)
        {
            var (startLine, startColumn) = lines.Locate(start);
            var (endLine, endColumn) = lines.Locate(Math.Max(start, end - 1));
            return new SourceSpan(path, startLine, startColumn, endLine, endColumn);
        }
    }
}
