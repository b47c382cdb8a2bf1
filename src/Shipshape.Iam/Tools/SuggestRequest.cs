using System.Collections.Immutable;

namespace Shipshape.Iam.Tools;

/// <summary>What `shipshape iam suggest` is asked for: actions, an optional ECS/EKS cluster ARN, and whether to require MFA for all of them.</summary>
public sealed record SuggestRequest(ImmutableArray<string> Actions, string? ClusterArn, bool RequireMfa)
{
    /// <summary>The roles iam:PassRole may pass, as names (in the cluster's account) or ARNs.</summary>
    public ImmutableArray<string> Roles { get; init; } = [];

    /// <summary>The task-definition families the actions may use (RegisterTaskDefinition, RunTask …); empty: any family.</summary>
    public ImmutableArray<string> Families { get; init; } = [];
}
