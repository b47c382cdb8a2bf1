using Shipshape.Core;

namespace Shipshape.Ingest.Syntax;

/// <summary>A positioned node of a JSON or YAML document: the common tree every structured-format adapter reads.</summary>
public abstract class SyntaxNode
{
    protected SyntaxNode(SourceSpan span, string? tag, int weight)
    {
        Span = span;
        Tag = tag;
        Weight = weight;
    }

    public SourceSpan Span { get; }

    /// <summary>The YAML tag (for example "!Ref"), or null; JSON nodes have none.</summary>
    public string? Tag { get; }

    /// <summary>The number of nodes in this subtree, counting shared alias targets each time they occur.</summary>
    public int Weight { get; }
}
