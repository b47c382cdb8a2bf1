using System.Collections.Immutable;
using Shipshape.Core.Model;

namespace Shipshape.Iam.Evaluation;

/// <summary>
/// The policies that decide a request within one account: the principal's identity policies, the resource's
/// policy, an optional permissions boundary and the SCPs of each level of the organisation (each level must allow).
/// </summary>
public sealed record PolicySet
{
    public ImmutableArray<PolicyDocument> Identity { get; init; } = [];
    public ImmutableArray<PolicyDocument> ResourcePolicies { get; init; } = [];
    /// <summary>Null when the principal has no permissions boundary.</summary>
    public PolicyDocument? PermissionsBoundary { get; init; }
    public ImmutableArray<ImmutableArray<PolicyDocument>> ServiceControlPolicies { get; init; } = [];

    public static PolicySet ForIdentity(params PolicyDocument[] documents) => new() { Identity = [.. documents] };
}
