using Shipshape.Core;

namespace Shipshape.Hcl.Evaluation;

/// <summary>An evaluated HCL value; Span is where it was written (null when computed without a single origin).</summary>
public abstract record HclValue
{
    public SourceSpan? Span { get; init; }

    public bool IsKnown => this is not HclUnknown;

    /// <summary>Whether this value or anything inside it is unknown.</summary>
    public abstract bool IsWhollyKnown { get; }

    /// <summary>
    /// The value's logical size: characters of a string, plus one per element of a collection, counting a shared
    /// element once per use (as jsonencode would write it). Known at construction, so limits cost nothing to check.
    /// </summary>
    public virtual long Size => 1;

    /// <summary>Adds sizes without overflowing: a hostile value's size saturates at <see cref="long.MaxValue"/>.</summary>
    public static long AddSizes(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    public static HclNull Null { get; } = new();
    public static HclBool True { get; } = new(true);
    public static HclBool False { get; } = new(false);

    public static HclBool Of(bool value) => value ? True : False;

    public static HclString Of(string value) => new(value);

    public static HclNumber Of(double value) => new(value);

    public T At<T>(SourceSpan? span) where T : HclValue => (T)(this with { Span = span });
}
