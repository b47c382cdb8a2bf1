using Shipshape.Core;

namespace Shipshape.Hcl.Evaluation;

/// <summary>An evaluated HCL value; Span is where it was written (null when computed without a single origin).</summary>
public abstract record HclValue
{
    public SourceSpan? Span { get; init; }

    public bool IsKnown => this is not HclUnknown;

    /// <summary>Whether this value or anything inside it is unknown.</summary>
    public abstract bool IsWhollyKnown { get; }

    public static HclNull Null { get; } = new();
    public static HclBool True { get; } = new(true);
    public static HclBool False { get; } = new(false);

    public static HclBool Of(bool value) => value ? True : False;

    public static HclString Of(string value) => new(value);

    public static HclNumber Of(double value) => new(value);

    public T At<T>(SourceSpan? span) where T : HclValue => (T)(this with { Span = span });
}
