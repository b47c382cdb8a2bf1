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
    /// <summary>routing.http.drop_invalid_header_fields.enabled (Application Load Balancers); false by default.</summary>
    public required Value<bool> DropInvalidHeaderFields { get; init; }
    /// <summary>routing.http.desync_mitigation_mode: monitor, defensive (default) or strictest (Application Load Balancers).</summary>
    public required Value<string> DesyncMitigationMode { get; init; }
    /// <summary>access_logs.s3.enabled; false by default.</summary>
    public required Value<bool> AccessLogs { get; init; }
    /// <summary>deletion_protection.enabled; false by default.</summary>
    public required Value<bool> DeletionProtection { get; init; }

    /// <summary>load_balancing.cross_zone.enabled: always true for Application Load Balancers, false by default for network and gateway ones.</summary>
    public required Value<bool> CrossZone { get; init; }
}
