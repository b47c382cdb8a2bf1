namespace Shipshape.Ingest.Syntax;

/// <summary>Parses a file as JSON when its first meaningful character opens an object or array, else as YAML.</summary>
public static class StructuredParser
{
    public static bool LooksLikeJson(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("\uFEFF"u8))
        {
            content = content[3..];
        }

        foreach (var b in content)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return b is (byte)'{' or (byte)'[';
        }

        return false;
    }

    public static ParsedDocument Parse(string path, ReadOnlyMemory<byte> content, ParseLimits? limits = null) =>
        LooksLikeJson(content.Span)
            ? JsonSyntaxParser.Parse(path, content, limits)
            : YamlSyntaxParser.Parse(path, content, limits);
}
