using System.Collections.Immutable;

namespace Shipshape.Hcl.Evaluation;

/// <summary>A tuple, list or set (sets are kept in the order given).</summary>
public sealed record HclTuple(ImmutableArray<HclValue> Items) : HclValue
{
    public override bool IsWhollyKnown => Items.All(i => i.IsWhollyKnown);

    public static HclTuple Empty { get; } = new(ImmutableArray<HclValue>.Empty);
}
