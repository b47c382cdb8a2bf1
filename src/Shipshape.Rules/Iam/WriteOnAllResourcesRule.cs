using System.Collections.Immutable;
using Shipshape.Iam.Catalog;

namespace Shipshape.Rules.Iam;

/// <summary>SHP-IAM-103: write or tagging actions that accept resource ARNs are allowed on every resource.</summary>
public sealed class WriteOnAllResourcesRule : WildcardResourceRule
{
    public override string Id => "SHP-IAM-103";

    protected override ImmutableArray<AccessLevel> Levels { get; } = [AccessLevel.Write, AccessLevel.Tagging];

    protected override string Kind => "write";
}
