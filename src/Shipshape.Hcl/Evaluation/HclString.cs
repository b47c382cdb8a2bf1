namespace Shipshape.Hcl.Evaluation;

/// <summary>A string; it remembers where its raw text starts (for JSON written in a heredoc or a file) and the value jsonencode was given.</summary>
public sealed record HclString(string Value) : HclValue
{
    public override bool IsWhollyKnown => true;

    public override long Size => Math.Max(1, Value.Length);

    /// <summary>Where the raw text begins when the string is a literal, a heredoc without interpolation, or a file's content.</summary>
    public Shipshape.Core.SourceSpan? TextOrigin { get; init; }

    /// <summary>The structured value this string is the JSON encoding of (set by jsonencode).</summary>
    public HclValue? JsonSource { get; init; }

    public override string ToString() => Value;
}
