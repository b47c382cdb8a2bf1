using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>
/// SHP-NET-020: a security group admits plain HTTP (TCP 80) from any address. Rules that admit all traffic are left to
/// SHP-NET-011. A group that only guards load balancers whose port-80 listeners all redirect to HTTPS is not reported:
/// there, port 80 exists to send clients to HTTPS.
/// </summary>
public sealed class HttpOpenToWorldRule : IRule
{
    private const int Http = 80;

    public string Id => "SHP-NET-020";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var ingress in IngressRule.All(model))
        {
            if (ingress.OpenToWorld is not { } cidr || ingress.AllTraffic != false || ingress.Covers(Http) != true || OnlyRedirects(model, ingress.GroupAddress))
            {
                continue;
            }

            yield return RuleText.Hit(ingress.Owner, cidr,
                $"{ingress.Description} allows plain HTTP (TCP {IngressRule.Describe(ingress.Ports!.Value)}) from {cidr.Current!.Trim()}.");
        }
    }

    /// <summary>Whether the group belongs to load balancers, and every port-80 listener of them redirects to HTTPS.</summary>
    private static bool OnlyRedirects(ModelSet model, string? group)
    {
        if (group is null)
        {
            return false;
        }

        var balancers = model.OfType<LoadBalancer>()
            .Where(lb => lb.SecurityGroups.Any(g => string.Equals(g.Reference, group, StringComparison.Ordinal)))
            .Select(lb => lb.Address)
            .ToHashSet(StringComparer.Ordinal);
        if (balancers.Count == 0)
        {
            return false;
        }

        var listeners = model.OfType<Listener>()
            .Where(l => l.LoadBalancer.Reference is { } lb && balancers.Contains(lb) && l.Port is { IsKnown: true, Current: Http })
            .ToList();
        return listeners.Count > 0 && listeners.All(l => l.RedirectsToHttps is { IsKnown: true, Current: true });
    }
}
