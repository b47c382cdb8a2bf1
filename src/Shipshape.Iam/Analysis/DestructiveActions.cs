using System.Collections.Immutable;
using Shipshape.Iam.Catalog;

namespace Shipshape.Iam.Analysis;

/// <summary>Actions that destroy what is hard to rebuild, which people should only take with MFA; patterns expand against the catalogue.</summary>
public static class DestructiveActions
{
    public static ImmutableArray<string> Patterns { get; } =
    [
        "ecs:DeleteCluster", "ecs:DeleteService", "ecs:DeregisterTaskDefinition", "ecs:DeleteTaskDefinitions", "ecs:DeleteCapacityProvider",
        "ecs:DeregisterContainerInstance", "eks:DeleteCluster", "eks:DeleteNodegroup", "eks:DeleteFargateProfile", "eks:DeleteAddon",
        "ecr:DeleteRepository", "ecr:BatchDeleteImage", "ecr:DeleteRepositoryPolicy", "ecr:DeleteLifecyclePolicy", "iam:Delete*",
        "logs:DeleteLogGroup", "cloudtrail:DeleteTrail", "cloudtrail:StopLogging", "kms:ScheduleKeyDeletion", "secretsmanager:DeleteSecret",
    ];

    public static ImmutableArray<IamAction> In(IamCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return [.. Patterns.SelectMany(p => catalog.Expand(p)).Distinct()];
    }

    public static bool IsDestructive(IamAction action, IamCatalog catalog) => In(catalog).Contains(action);
}
