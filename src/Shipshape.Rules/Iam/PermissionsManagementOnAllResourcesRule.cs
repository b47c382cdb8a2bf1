using System.Collections.Immutable;
using Shipshape.Iam.Catalog;

namespace Shipshape.Rules.Iam;

/// <summary>SHP-IAM-104: permissions-management actions that accept resource ARNs are allowed on every resource.</summary>
public sealed class PermissionsManagementOnAllResourcesRule : WildcardResourceRule
{
    public override string Id => "SHP-IAM-104";

    protected override ImmutableArray<AccessLevel> Levels { get; } = [AccessLevel.PermissionsManagement];

    protected override string Kind => "permissions-management";
}
