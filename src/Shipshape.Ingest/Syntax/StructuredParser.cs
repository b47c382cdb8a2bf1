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

    /// <summary>
    /// JSON when it looks like JSON, else YAML. YAML's flow style also starts with '{' or '[' (<c>{family: app}</c>), so
    /// a document that is not valid JSON is read again as YAML, unless the file is named .json; the JSON error is
    /// kept when YAML cannot read it either.
    /// </summary>
    public static ParsedDocument Parse(string path, ReadOnlyMemory<byte> content, ParseLimits? limits = null, CancellationToken cancellationToken = default)
    {
        if (!LooksLikeJson(content.Span))
        {
            return YamlSyntaxParser.Parse(path, content, limits, cancellationToken);
        }

        var json = JsonSyntaxParser.Parse(path, content, limits);
        if (!json.Failed || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return json;
        }

        var yaml = YamlSyntaxParser.Parse(path, content, limits, cancellationToken);
        return yaml.Failed ? json : yaml;
    }
}
