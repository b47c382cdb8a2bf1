using System.Collections.Immutable;
using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that decides an Elastic Load Balancing v2 load balancer's defaults, for every format.</summary>
internal static class LoadBalancerBuilder
{
    /// <param name="scheme">internet-facing or internal; Terraform's internal flag is translated by its adapter.</param>
    /// <param name="dropInvalidHeaderFields">routing.http.drop_invalid_header_fields.enabled (CloudFormation LoadBalancerAttributes, Terraform drop_invalid_header_fields).</param>
    /// <param name="desyncMitigationMode">routing.http.desync_mitigation_mode.</param>
    /// <param name="accessLogs">access_logs.s3.enabled (Terraform: access_logs { enabled }).</param>
    /// <param name="deletionProtection">deletion_protection.enabled (Terraform: enable_deletion_protection).</param>
    /// <param name="crossZone">load_balancing.cross_zone.enabled (Terraform: enable_cross_zone_load_balancing).</param>
    public static LoadBalancer Build(
        ResourceIdentity id,
        Value<string?> type,
        Value<string?> scheme,
        ImmutableArray<Value<string>> securityGroups,
        Value<bool?> dropInvalidHeaderFields,
        Value<string?> desyncMitigationMode,
        Value<bool?> accessLogs,
        Value<bool?> deletionProtection,
        Value<bool?> crossZone)
    {
        // ELB API CreateLoadBalancer: "Type: The type of load balancer. The default is application."
        var loadBalancerType = Raw.Or(type, "application");
        return new()
        {
            Address = id.Address,
            Kind = id.Kind,
            Span = id.Span,
            SourceFormat = id.SourceFormat,
            Type = loadBalancerType,
            // ELB API CreateLoadBalancer: "The default is an Internet-facing load balancer."
            Scheme = Raw.Or(scheme, "internet-facing"),
            SecurityGroups = securityGroups,
            // ELB API LoadBalancerAttribute: routing.http.drop_invalid_header_fields.enabled "The default is false".
            DropInvalidHeaderFields = Raw.Or(dropInvalidHeaderFields, false),
            // ELB API LoadBalancerAttribute: routing.http.desync_mitigation_mode "The default is defensive".
            DesyncMitigationMode = Raw.Or(desyncMitigationMode, "defensive"),
            // ELB API LoadBalancerAttribute: access_logs.s3.enabled "The default is false".
            AccessLogs = Raw.Or(accessLogs, false),
            // ELB API LoadBalancerAttribute: deletion_protection.enabled "The default is false".
            DeletionProtection = Raw.Or(deletionProtection, false),
            // ELB API LoadBalancerAttribute: load_balancing.cross_zone.enabled "The default for Network Load Balancers and
            // Gateway Load Balancers is false. The default for Application Load Balancers is true, and cannot be changed."
            CrossZone = Raw.Or(crossZone, string.Equals(loadBalancerType.Current, "application", StringComparison.OrdinalIgnoreCase)),
        };
    }
}
