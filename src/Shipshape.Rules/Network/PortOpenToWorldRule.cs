using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>
/// SHP-NET-012: a security group admits a port other than HTTP (80) and HTTPS (443) from any address. Rules that
/// SHP-NET-010 (admin ports) or SHP-NET-011 (all traffic) report are left to them, so one rule gives one finding.
/// </summary>
public sealed class PortOpenToWorldRule : IRule
{
    public string Id => "SHP-NET-012";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var ingress in IngressRule.All(model))
        {
            if (ingress.OpenToWorld is not { } cidr || ingress.AllTraffic != false || ingress.Ports is not { } range)
            {
                continue;
            }

            var web = (range.From, range.To) is (80, 80) or (443, 443);
            var admin = ingress.Covers(22) == true || ingress.Covers(3389) == true;
            if (!web && !admin)
            {
                var ports = range.From == range.To ? $"port {IngressRule.Describe(range)}" : $"ports {IngressRule.Describe(range)}";
                var services = SensitivePorts.In(range.From, range.To).Select(s => s.Name).ToList();
                var named = services.Count == 0 ? string.Empty
                    : $" ({string.Join(", ", services.Take(3))}{(services.Count > 3 ? $" and {services.Count - 3} more sensitive services" : string.Empty)})";
                yield return RuleText.Hit(ingress.Owner, cidr,
                    $"{ingress.Description} allows {ingress.KnownProtocol!.ToUpperInvariant()} {ports}{named} from {cidr.Current!.Trim()}.");
            }
        }
    }
}
