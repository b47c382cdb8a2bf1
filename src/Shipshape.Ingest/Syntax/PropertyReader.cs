using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Core.Model;

namespace Shipshape.Ingest.Syntax;

/// <summary>
/// Reads the properties of one resource into model values: absent keys are Defaulted at the anchor span
/// (the resource's own line), property paths are built from the source's key names.
/// </summary>
public sealed class PropertyReader
{
    public PropertyReader(MappingNode node, SourceSpan anchor, string prefix)
    {
        Node = node;
        Anchor = anchor;
        Prefix = prefix;
    }

    public MappingNode Node { get; }
    public SourceSpan Anchor { get; }
    public string Prefix { get; }

    public string PathOf(string key) => Prefix.Length == 0 ? key : $"{Prefix}.{key}";

    public SyntaxNode? Get(string key) => Node.Get(key, NodeValues.KeyComparison);

    public bool Has(string key) => Get(key) is not null;

    public Value<string?> String(string key, string? fallback = null) => NodeValues.String(Node, key, PathOf(key), Anchor, fallback);

    public Value<string> RequiredString(string key, string fallback) => NodeValues.RequiredString(Node, key, PathOf(key), Anchor, fallback);

    public Value<bool> Bool(string key, bool fallback) => NodeValues.Bool(Node, key, PathOf(key), Anchor, fallback);

    /// <summary>A boolean without a default: absent is Defaulted with no value, unresolved has none either.</summary>
    public Value<bool?> OptionalBool(string key)
    {
        var read = Bool(key, false);
        return new Value<bool?>(read.IsExplicit ? read.Current : null, read.Origin, read.Span, read.Path) { Reference = read.Reference, ReferenceAttribute = read.ReferenceAttribute };
    }

    /// <summary>
    /// Whether the key is there: Explicit true at its span, or Defaulted with no value at the anchor. A null or an empty
    /// list is not there: Terraform plan JSON writes every absent nested block as [] and every unset attribute as null.
    /// </summary>
    public Value<bool?> Presence(string key) => Get(key) is { } node and not ScalarNode { IsNull: true } and not SequenceNode { Items.Length: 0 }
        ? Value<bool?>.Explicit(true, node.Span, PathOf(key))
        : Value<bool?>.Defaulted(null, Anchor, PathOf(key));

    public Value<int?> Int(string key) => NodeValues.Int(Node, key, PathOf(key), Anchor);

    /// <summary>A nested object, anchored at its own span; null when absent or not an object.</summary>
    public PropertyReader? Child(string key) =>
        Get(key) is MappingNode child ? new PropertyReader(child, child.Span, PathOf(key)) : null;

    /// <summary>A nested object, or an empty one anchored here when absent, so its defaults point at this object.</summary>
    public PropertyReader ChildOrEmpty(string key) =>
        Child(key) ?? new PropertyReader(new MappingNode(Anchor, []), Anchor, PathOf(key));

    /// <summary>The objects of a list, each with its indexed path.</summary>
    public IEnumerable<PropertyReader> Objects(string key)
    {
        if (Get(key) is not SequenceNode list)
        {
            yield break;
        }

        for (var i = 0; i < list.Items.Length; i++)
        {
            if (list.Items[i] is MappingNode item)
            {
                yield return new PropertyReader(item, item.Span, $"{PathOf(key)}[{i}]");
            }
        }
    }

    /// <summary>
    /// Terraform-style nested blocks: one block is an object, several (or any in plan JSON) a list of objects.
    /// </summary>
    public IEnumerable<PropertyReader> Blocks(string key) => Get(key) switch
    {
        MappingNode single => [new PropertyReader(single, single.Span, PathOf(key))],
        SequenceNode => Objects(key),
        _ => [],
    };

    /// <summary>The first nested block of that type, or null.</summary>
    public PropertyReader? Block(string key) => Blocks(key).FirstOrDefault();

    /// <summary>The first nested block, or an empty one anchored here, so its defaults point at this object.</summary>
    public PropertyReader BlockOrEmpty(string key) =>
        Block(key) ?? new PropertyReader(new MappingNode(Anchor, []), Anchor, PathOf(key));

    /// <summary>A list of strings (a single string counts as a list of one); unresolved items stay unresolved.</summary>
    public ImmutableArray<Value<string>> Strings(string key)
    {
        var node = Get(key);
        var path = PathOf(key);
        return node switch
        {
            null or ScalarNode { Tag: null, IsNull: true } => [],
            SequenceNode list => [.. list.Items.Select((item, i) => Single(item, $"{path}[{i}]"))],
            _ => [Single(node, path)],
        };
    }

    private static Value<string> Single(SyntaxNode node, string path) => node is ScalarNode s
        ? NodeValues.Text(s, path)
        : NodeValues.Linked(Value<string>.Unresolved(string.Empty, node.Span, path), node);
}
