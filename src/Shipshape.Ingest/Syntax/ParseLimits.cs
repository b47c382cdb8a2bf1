namespace Shipshape.Ingest.Syntax;

/// <summary>Bounds that keep hostile documents from exhausting the stack or memory.</summary>
public sealed record ParseLimits
{
    /// <summary>Deepest nesting accepted.</summary>
    public int MaxDepth { get; init; } = 256;

    /// <summary>Most nodes a document may expand to, counting each use of a YAML alias (alias bombs).</summary>
    public int MaxNodes { get; init; } = 2_000_000;

    public static ParseLimits Default { get; } = new();
}
