using System.Collections.Immutable;
using Shipshape.Iam.Catalog;

namespace Shipshape.Rules.Iam;

/// <summary>SHP-IAM-105: read or list actions that accept resource ARNs are allowed on every resource.</summary>
public sealed class ReadOnAllResourcesRule : WildcardResourceRule
{
    public override string Id => "SHP-IAM-105";

    protected override ImmutableArray<AccessLevel> Levels { get; } = [AccessLevel.Read, AccessLevel.List];

    protected override string Kind => "read";
}
