using System.Collections.Immutable;
using Shipshape.Core;

namespace Shipshape.Ingest.Syntax;

/// <summary>A JSON array or YAML sequence.</summary>
public sealed class SequenceNode : SyntaxNode
{
    public SequenceNode(SourceSpan span, ImmutableArray<SyntaxNode> items, string? tag = null)
        : base(span, tag, checked(1 + items.Sum(i => i.Weight)))
    {
        Items = items;
    }

    public ImmutableArray<SyntaxNode> Items { get; }
}
