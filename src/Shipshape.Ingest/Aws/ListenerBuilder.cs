using System.Collections.Immutable;
using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that decides an Elastic Load Balancing v2 listener's defaults, for every format.</summary>
internal static class ListenerBuilder
{
    /// <summary>
    /// ELB API RedirectActionConfig and AWS::ElasticLoadBalancingV2::Listener RedirectConfig: an absent Protocol keeps
    /// the request's protocol ("#{protocol}"), so a redirect without one does not upgrade HTTP to HTTPS.
    /// </summary>
    public const string KeepProtocol = "#{protocol}";

    /// <param name="actions">Presence of the default actions: explicit (a readable list), unresolved (declared but not readable) or absent.</param>
    public static Listener Build(
        ResourceIdentity id,
        Value<string?> loadBalancer,
        Value<string?> protocol,
        Value<int?> port,
        Value<string?> sslPolicy,
        Value<bool?> actions,
        ImmutableArray<ListenerAction> defaultActions) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        LoadBalancer = loadBalancer,
        // No default from the listener alone: it depends on the load balancer's type, see WithLoadBalancerTypes.
        Protocol = protocol,
        Port = port,
        SslPolicy = sslPolicy,
        RedirectsToHttps = RedirectsToHttps(id, actions, defaultActions),
    };

    /// <summary>
    /// Decides an omitted listener protocol from the load balancer the listener links to, the same way for every
    /// format. The ELB CreateListener API and AWS::ElasticLoadBalancingV2::Listener document no default: Protocol is
    /// optional because Gateway Load Balancer listeners take none, while Network Load Balancer listeners must name one.
    /// The Terraform provider's "defaults to HTTP" is the provider sending HTTP when the load balancer is an Application
    /// Load Balancer, whose listeners are HTTP or HTTPS only (HTTPS needing a certificate). So a listener without a
    /// protocol is HTTP (Defaulted) when its load balancer is a known Application Load Balancer, in CloudFormation as
    /// in Terraform, and stays unknown (null) for any other, unknown or unlinked load balancer.
    /// </summary>
    public static ImmutableArray<Resource> WithLoadBalancerTypes(IEnumerable<Resource> resources)
    {
        var list = resources.ToImmutableArray();
        var applications = list.OfType<LoadBalancer>()
            .Where(lb => lb.Type.IsKnown && string.Equals(lb.Type.Current, "application", StringComparison.OrdinalIgnoreCase))
            .Select(lb => lb.Address)
            .ToHashSet(StringComparer.Ordinal);
        if (applications.Count == 0)
        {
            return list;
        }

        return [.. list.Select(r => r is Listener { Protocol: { IsDefaulted: true, Current: null } protocol } listener
            && listener.LoadBalancer.Reference is { } target && applications.Contains(target)
                ? listener with { Protocol = protocol with { Current = "HTTP" } }
                : r)];
    }

    private static Value<bool> RedirectsToHttps(ResourceIdentity id, Value<bool?> actions, ImmutableArray<ListenerAction> defaultActions)
    {
        // Action types and redirect protocols are enum values the ELB API spells in one case ("redirect", "HTTPS");
        // both are compared ignoring case, in every format, so a template that writes "Redirect" reads the same.
        var redirect = defaultActions.FirstOrDefault(a => string.Equals(a.Type.Current, "redirect", StringComparison.OrdinalIgnoreCase));
        if (redirect is not null)
        {
            var redirectProtocol = Raw.OrNullable(redirect.RedirectProtocol, KeepProtocol);
            return new Value<bool>(string.Equals(redirectProtocol.Current, "HTTPS", StringComparison.OrdinalIgnoreCase), redirectProtocol.Origin, redirectProtocol.Span, redirectProtocol.Path);
        }

        // Default actions present but not readable (an undecidable Fn::If), or an action whose type is not known (a
        // parameter, a dynamic block over an unknown collection): whether it redirects is unknown.
        return actions.IsUnresolved || defaultActions.Any(a => a.Type.IsUnresolved)
            ? Value<bool>.Unresolved(false, actions.Span, actions.Path)
            : Value<bool>.Defaulted(false, id.Span, actions.Path);
    }
}
