using System.Collections.Immutable;
using Shipshape.Core;

namespace Shipshape.Ingest.Syntax;

/// <summary>A JSON object or YAML mapping with its entries in source order; on duplicate keys the last one wins.</summary>
public sealed class MappingNode : SyntaxNode
{
    public MappingNode(SourceSpan span, ImmutableArray<MappingEntry> entries, string? tag = null)
        : base(span, tag, checked(1 + entries.Sum(e => e.Key.Weight + e.Value.Weight)))
    {
        Entries = entries;
    }

    public ImmutableArray<MappingEntry> Entries { get; }

    /// <summary>The entry for a key, ignoring case when asked (CloudFormation spells ECS fields in PascalCase).</summary>
    public MappingEntry? Entry(string key, StringComparison comparison = StringComparison.Ordinal)
    {
        for (var i = Entries.Length - 1; i >= 0; i--)
        {
            if (string.Equals(Entries[i].Key.Text, key, comparison))
            {
                return Entries[i];
            }
        }

        return null;
    }

    public SyntaxNode? Get(string key, StringComparison comparison = StringComparison.Ordinal) => Entry(key, comparison)?.Value;
}
