using System.Collections.Immutable;
using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that decides a Classic Load Balancer's defaults, and its listeners' and policies', for every format.</summary>
internal static class ClassicLoadBalancerBuilder
{
    /// <param name="accessLogs">AccessLoggingPolicy.Enabled; absent when no access logging is declared.</param>
    public static ClassicLoadBalancer Build(
        ResourceIdentity id,
        Value<string?> scheme,
        IEnumerable<ClassicListener> listeners,
        IEnumerable<LoadBalancerPolicy> policies,
        Value<bool?> accessLogs,
        Value<string?> desyncMitigationMode,
        ImmutableArray<Value<string>> securityGroups,
        Value<bool?> crossZone) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        Listeners = [.. listeners],
        Policies = [.. policies],
        // ELB API CreateLoadBalancer (2012-06-01): "By default, Elastic Load Balancing creates an Internet-facing load balancer."
        Scheme = Raw.Or(scheme, "internet-facing"),
        // ELB API LoadBalancerAttributes, AccessLog: access logs are delivered only when Enabled is true; off by default.
        AccessLogs = Raw.Or(accessLogs, false),
        // ELB API AdditionalAttribute elb.http.desyncmitigationmode: "The default is defensive".
        DesyncMitigationMode = Raw.Or(desyncMitigationMode, "defensive"),
        SecurityGroups = securityGroups,
        // ELB API (2012-06-01) CrossZoneLoadBalancing: with the API, CLI and CloudFormation (CrossZone "Default: false")
        // cross-zone load balancing is disabled unless enabled; only the console selects it by default.
        CrossZone = Raw.Or(crossZone, false),
    };

    /// <summary>
    /// A listener; protocols are enum values the API spells in upper case and compares ignoring case, so they are kept
    /// upper case. The back-end protocol has no documented default (the API requires it to be of the front-end's
    /// layer), so an absent one stays without a value.
    /// </summary>
    public static ClassicListener Listener(string path, Value<string?> protocol, Value<int?> port, Value<string?> instanceProtocol, Value<string?> sslCertificate, ImmutableArray<Value<string>> policyNames) => new()
    {
        Path = path,
        Protocol = Upper(protocol),
        Port = port,
        InstanceProtocol = Upper(instanceProtocol),
        SslCertificate = sslCertificate,
        PolicyNames = policyNames,
    };

    public static LoadBalancerPolicy Policy(ResourceIdentity id, string path, Value<string?> name, Value<string?> type, Value<string?> loadBalancer, IEnumerable<PolicyAttribute> attributes) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        Path = path,
        PolicyName = name,
        PolicyType = type,
        LoadBalancer = loadBalancer,
        Attributes = [.. attributes],
    };

    private static Value<string?> Upper(Value<string?> value) =>
        value.IsKnown && value.Current is { } text ? value with { Current = text.Trim().ToUpperInvariant() } : value;
}
