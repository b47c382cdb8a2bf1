using System.Collections.Immutable;

namespace Shipshape.Core;

/// <summary>
/// The evaluation record of one rule in a scan: counts over every resource of its subjects, per resource kind, and
/// the failing resources (at most <see cref="MaxFailing"/>; the findings have every one).
/// </summary>
public sealed record RuleCheck
{
    /// <summary>How many failing resources a record lists; the rest are counted in <see cref="FailingOmitted"/>.</summary>
    public const int MaxFailing = 100;

    public required string RuleId { get; init; }
    public required Practice Practice { get; init; }
    public required CheckCounts Counts { get; init; }
    /// <summary>The counts per resource kind (the source's type name, "AWS::ECS::TaskDefinition", "Deployment", "file").</summary>
    public required ImmutableSortedDictionary<string, CheckCounts> ByKind { get; init; }
    /// <summary>The failing resources, in path, address order.</summary>
    public required ImmutableArray<CheckedResource> Failing { get; init; }
    public int FailingOmitted { get; init; }
}
