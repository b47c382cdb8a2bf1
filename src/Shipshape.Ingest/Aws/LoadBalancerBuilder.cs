using System.Collections.Immutable;
using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that decides an Elastic Load Balancing v2 load balancer's defaults, for every format.</summary>
internal static class LoadBalancerBuilder
{
    /// <param name="scheme">internet-facing or internal; Terraform's internal flag is translated by its adapter.</param>
    public static LoadBalancer Build(ResourceIdentity id, Value<string?> type, Value<string?> scheme, ImmutableArray<Value<string>> securityGroups) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        // ELB API CreateLoadBalancer: "Type: The type of load balancer. The default is application."
        Type = Raw.Or(type, "application"),
        // ELB API CreateLoadBalancer: "The default is an Internet-facing load balancer."
        Scheme = Raw.Or(scheme, "internet-facing"),
        SecurityGroups = securityGroups,
    };
}
