using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>An Elastic Load Balancing v2 load balancer (application, network or gateway).</summary>
public sealed record LoadBalancer : Resource
{
    /// <summary>application (default), network or gateway.</summary>
    public required Value<string> Type { get; init; }
    /// <summary>internet-facing (default) or internal.</summary>
    public required Value<string> Scheme { get; init; }
    public ImmutableArray<Value<string>> SecurityGroups { get; init; } = [];
}
