using System.Collections.Immutable;

namespace Shipshape.Hcl.Evaluation;

/// <summary>A tuple, list or set (sets are kept in the order given).</summary>
public sealed record HclTuple : HclValue
{
    private readonly long _size;
    private readonly bool _known;
    private readonly ImmutableArray<HclValue> _items;

    public HclTuple(ImmutableArray<HclValue> items) => Items = items;

    /// <summary>The elements; setting them (also through <c>with</c>) recomputes the size and knownness once.</summary>
    public ImmutableArray<HclValue> Items
    {
        get => _items;
        init
        {
            _items = value;
            var size = 1L;
            var known = true;
            foreach (var item in value)
            {
                size = AddSizes(size, item.Size);
                known &= item.IsWhollyKnown;
            }

            _size = size;
            _known = known;
        }
    }

    public override bool IsWhollyKnown => _known;

    public override long Size => _size;

    public static HclTuple Empty { get; } = new(ImmutableArray<HclValue>.Empty);

    public void Deconstruct(out ImmutableArray<HclValue> items) => items = Items;
}
