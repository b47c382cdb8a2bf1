using System.Collections.Immutable;
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

    /// <summary>The items of a list of strings; a non-list is one unresolved item, so rules do not take it as empty.</summary>
    public static ImmutableArray<Value<string>> Strings(SyntaxNode? node, string path)
    {
        if (node is not SequenceNode sequence)
        {
            return node is null ? [] : [Value<string>.Unresolved(string.Empty, node.Span, path)];
        }

        var builder = ImmutableArray.CreateBuilder<Value<string>>();
        for (var i = 0; i < sequence.Items.Length; i++)
        {
            var item = sequence.Items[i];
            var itemPath = $"{path}[{i}]";
            builder.Add(item is ScalarNode s ? Text(s, itemPath) : Value<string>.Unresolved(string.Empty, item.Span, itemPath));
        }

        return builder.ToImmutable();
    }

    /// <summary>The entries of a map of strings (log options, labels, annotations, Secret data).</summary>
    public static ImmutableArray<KeyValue> Pairs(SyntaxNode? node, string path) => node is MappingNode mapping
        ? [.. mapping.Entries.Select(e => new KeyValue(Text(e.Key, $"{path}.{e.Key.Text}"), Of(e.Value, $"{path}.{e.Key.Text}")))]
        : [];

    /// <summary>Maps each object of a list, with its indexed path; other items are skipped but keep their index.</summary>
    public static ImmutableArray<T> Mapped<T>(SyntaxNode? node, string path, Func<MappingNode, string, T> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (node is not SequenceNode sequence)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<T>();
        for (var index = 0; index < sequence.Items.Length; index++)
        {
            if (sequence.Items[index] is MappingNode mapping)
            {
                builder.Add(map(mapping, $"{path}[{index}]"));
            }
        }

        return builder.ToImmutable();
    }

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
