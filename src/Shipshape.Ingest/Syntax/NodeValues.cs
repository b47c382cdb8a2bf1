using System.Globalization;
using Shipshape.Core;
using Shipshape.Core.Model;

namespace Shipshape.Ingest.Syntax;

/// <summary>
/// Turns syntax nodes into model values with their origin: absent → Defaulted to the given default;
/// a plain scalar → Explicit; anything else (an intrinsic function, a tagged scalar) → Unresolved.
/// Keys match case-insensitively so the same adapter reads camelCase JSON and PascalCase CloudFormation.
/// </summary>
public static class NodeValues
{
    public const StringComparison KeyComparison = StringComparison.OrdinalIgnoreCase;

    public static bool IsPlainScalar(SyntaxNode? node) => node is ScalarNode { Tag: null };

    public static Value<string?> String(MappingNode owner, string key, string path, SourceSpan defaultSpan, string? fallback = null)
    {
        var node = owner.Get(key, KeyComparison);
        return node switch
        {
            null => Value<string?>.Defaulted(fallback, defaultSpan, path),
            ScalarNode { Tag: null, IsNull: true } s => Value<string?>.Defaulted(fallback, s.Span, path),
            ScalarNode { Tag: null } s => Value<string?>.Explicit(s.Text, s.Span, path),
            _ => Linked(Value<string?>.Unresolved(null, node.Span, path), node),
        };
    }

    /// <summary>Carries a link's target onto an unresolved value, so rules can follow it.</summary>
    public static Value<T> Linked<T>(Value<T> value, SyntaxNode node) =>
        node is ScalarNode { LinkTarget: { } target } s ? value with { Reference = target, ReferenceAttribute = s.LinkAttribute } : value;

    public static Value<string> RequiredString(MappingNode owner, string key, string path, SourceSpan defaultSpan, string fallback)
    {
        var value = String(owner, key, path, defaultSpan, fallback);
        return new Value<string>(value.Current ?? fallback, value.Origin, value.Span, path);
    }

    public static Value<bool> Bool(MappingNode owner, string key, string path, SourceSpan defaultSpan, bool fallback)
    {
        var node = owner.Get(key, KeyComparison);
        switch (node)
        {
            case null:
                return Value<bool>.Defaulted(fallback, defaultSpan, path);
            case ScalarNode { Tag: null, IsNull: true } s:
                return Value<bool>.Defaulted(fallback, s.Span, path);
            case ScalarNode { Tag: null } s when TryBool(s.Text, out var b):
                return Value<bool>.Explicit(b, s.Span, path);
            default:
                return Linked(Value<bool>.Unresolved(fallback, node.Span, path), node);
        }
    }

    public static Value<int?> Int(MappingNode owner, string key, string path, SourceSpan defaultSpan, int? fallback = null)
    {
        var node = owner.Get(key, KeyComparison);
        switch (node)
        {
            case null:
                return Value<int?>.Defaulted(fallback, defaultSpan, path);
            case ScalarNode { Tag: null, IsNull: true } s:
                return Value<int?>.Defaulted(fallback, s.Span, path);
            case ScalarNode { Tag: null } s when int.TryParse(s.Text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i):
                return Value<int?>.Explicit(i, s.Span, path);
            default:
                return Linked(Value<int?>.Unresolved(fallback, node.Span, path), node);
        }
    }

    public static Value<string> Text(ScalarNode node, string path) =>
        node.Tag is null ? Value<string>.Explicit(node.Text, node.Span, path) : Linked(Value<string>.Unresolved(node.Text, node.Span, path), node);

    /// <summary>A string value for any node: plain scalars are explicit, everything else unresolved.</summary>
    public static Value<string?> Of(SyntaxNode node, string path) => node switch
    {
        ScalarNode { Tag: null, IsNull: true } s => Value<string?>.Explicit(null, s.Span, path),
        ScalarNode { Tag: null } s => Value<string?>.Explicit(s.Text, s.Span, path),
        _ => Linked(Value<string?>.Unresolved(null, node.Span, path), node),
    };

    public static bool TryBool(string text, out bool value)
    {
        switch (text.Trim().ToUpperInvariant())
        {
            case "TRUE":
                value = true;
                return true;
            case "FALSE":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
