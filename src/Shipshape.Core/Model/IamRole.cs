using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>An IAM role: trust policy, inline policies and attached managed policies.</summary>
public sealed record IamRole : Resource
{
    public required Value<string?> RoleName { get; init; }
    public PolicyDocument? TrustPolicy { get; init; }
    public ImmutableArray<PolicyDocument> InlinePolicies { get; init; } = [];
    public ImmutableArray<Value<string>> ManagedPolicies { get; init; } = [];
}
