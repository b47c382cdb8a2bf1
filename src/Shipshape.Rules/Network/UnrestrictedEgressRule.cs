using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>SHP-NET-021: a security group egress rule lets every protocol, or every TCP/UDP port, out to any address.</summary>
public sealed class UnrestrictedEgressRule : IRule
{
    public string Id => "SHP-NET-021";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var egress in IngressRule.All(model, ingress: false))
        {
            if (egress.OpenToWorld is { } cidr && egress.AllTraffic == true)
            {
                var what = egress.KnownProtocol is "-1" or "all" ? "all traffic" : $"every {egress.KnownProtocol!.ToUpperInvariant()} port";
                yield return RuleText.Hit(egress.Owner, cidr, $"{egress.Description} allows {what} out to {cidr.Current!.Trim()}.");
            }
        }
    }
}
