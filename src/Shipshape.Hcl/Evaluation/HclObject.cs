using System.Collections.Immutable;

namespace Shipshape.Hcl.Evaluation;

/// <summary>An object or map; attributes iterate in lexical key order, as Terraform iterates maps.</summary>
public sealed record HclObject(ImmutableSortedDictionary<string, HclValue> Items) : HclValue
{
    public override bool IsWhollyKnown => Items.Values.All(i => i.IsWhollyKnown);

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
