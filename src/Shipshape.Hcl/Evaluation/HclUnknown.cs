using System.Collections.Immutable;

namespace Shipshape.Hcl.Evaluation;

/// <summary>
/// A value not knowable statically: a resource attribute computed at apply time, a variable without a value,
/// or an expression that failed (IsError, so try() and can() can tell). Links name the resources it depends
/// on, as Terraform addresses (aws_iam_role.task).
/// </summary>
public sealed record HclUnknown(ImmutableArray<string> Links) : HclValue
{
    public override bool IsWhollyKnown => false;

    public bool IsError { get; init; }

    /// <summary>Why it is unknown, for diagnostics.</summary>
    public string? Reason { get; init; }

    /// <summary>The structured value when this is a JSON encoding of a partly unknown value.</summary>
    public HclValue? JsonSource { get; init; }

    public static HclUnknown Plain { get; } = new(ImmutableArray<string>.Empty);

    public static HclUnknown Error(string reason) => new(ImmutableArray<string>.Empty) { IsError = true, Reason = reason };

    public static HclUnknown Merge(IEnumerable<HclValue> values)
    {
        var links = values.OfType<HclUnknown>().SelectMany(u => u.Links).Distinct(StringComparer.Ordinal).ToImmutableArray();
        return links.IsEmpty ? Plain : new HclUnknown(links);
    }

    public bool Equals(HclUnknown? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}
