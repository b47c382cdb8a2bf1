using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>SHP-NET-011: a security group admits every protocol, or every TCP/UDP port, from any address.</summary>
public sealed class AllTrafficOpenToWorldRule : IRule
{
    public string Id => "SHP-NET-011";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var ingress in IngressRule.All(model))
        {
            if (ingress.OpenToWorld is { } cidr && ingress.AllTraffic == true)
            {
                var what = ingress.KnownProtocol is "-1" or "all" ? "all traffic" : $"every {ingress.KnownProtocol!.ToUpperInvariant()} port";
                yield return RuleText.Hit(ingress.Owner, cidr, $"{ingress.Description} allows {what} from {cidr.Current!.Trim()}.");
            }
        }
    }
}
