using System.Collections.Immutable;

namespace Shipshape.Hcl.Evaluation;

/// <summary>An object or map; attributes iterate in lexical key order, as Terraform iterates maps.</summary>
public sealed record HclObject : HclValue
{
    private readonly long _size;
    private readonly bool _known;
    private readonly ImmutableSortedDictionary<string, HclValue> _items = ImmutableSortedDictionary<string, HclValue>.Empty;

    public HclObject(ImmutableSortedDictionary<string, HclValue> items) => Items = items;

    /// <summary>The attributes; setting them (also through <c>with</c>) recomputes the size and knownness once.</summary>
    public ImmutableSortedDictionary<string, HclValue> Items
    {
        get => _items;
        init
        {
            _items = value;
            var size = 1L;
            var known = true;
            foreach (var (key, item) in value)
            {
                size = AddSizes(size, AddSizes(key.Length, item.Size));
                known &= item.IsWhollyKnown;
            }

            _size = size;
            _known = known;
        }
    }

    public override bool IsWhollyKnown => _known;

    public override long Size => _size;

    public void Deconstruct(out ImmutableSortedDictionary<string, HclValue> items) => items = Items;

    public static HclObject Empty { get; } = new(ImmutableSortedDictionary.Create<string, HclValue>(StringComparer.Ordinal));

    public static HclObject From(IEnumerable<KeyValuePair<string, HclValue>> items)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, HclValue>(StringComparer.Ordinal);
        foreach (var (key, value) in items)
        {
            builder[key] = value;
        }

        return new HclObject(builder.ToImmutable());
    }

    public HclValue? Get(string key) => Items.TryGetValue(key, out var v) ? v : null;
}
