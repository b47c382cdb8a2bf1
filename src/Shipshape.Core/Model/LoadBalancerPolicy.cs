using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>
/// A Classic Load Balancer policy (aws_load_balancer_policy, or an entry of AWS::ElasticLoadBalancing::LoadBalancer
/// Policies): for SSLNegotiationPolicyType, the TLS protocols and ciphers a listener offers.
/// </summary>
public sealed record LoadBalancerPolicy : Resource
{
    public required Value<string?> PolicyName { get; init; }
    public required Value<string?> PolicyType { get; init; }
    /// <summary>The load balancer the policy belongs to (standalone policies).</summary>
    public required Value<string?> LoadBalancer { get; init; }
    public ImmutableArray<PolicyAttribute> Attributes { get; init; } = [];
    /// <summary>The policy's own property path (inside the load balancer for inline policies).</summary>
    public required string Path { get; init; }
}
