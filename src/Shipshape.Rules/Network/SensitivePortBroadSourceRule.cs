using System.Net;
using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>
/// SHP-NET-023: a security group admits a sensitive port (SensitivePorts) from a public network other than a single
/// address, or from a private range wider than any one VPC (/16 for IPv4, /56 for IPv6: the largest VPC CIDR blocks).
/// Sources open to every address are left to SHP-NET-010/011/012.
/// </summary>
public sealed class SensitivePortBroadSourceRule : IRule
{
    /// <summary>Amazon VPC User Guide, "VPC CIDR blocks": an IPv4 block is /16 to /28, an IPv6 block /44 to /60 (/56 by default).</summary>
    private const int WidestVpcIpv4 = 16;

    private const int WidestVpcIpv6 = 44;

    public string Id => "SHP-NET-023";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var ingress in IngressRule.All(model))
        {
            foreach (var cidr in new[] { ingress.Rule.CidrIpv4, ingress.Rule.CidrIpv6 })
            {
                if (!cidr.IsKnown || !Cidr.TryParse(cidr.Current, out var address, out var prefix) || prefix == 0 || Source(address, prefix) is not { } source)
                {
                    continue;
                }

                var services = ingress.AllTraffic switch
                {
                    true => SensitivePorts.All.ToList(),
                    false when ingress.Ports is { } range => SensitivePorts.In(range.From, range.To).ToList(),
                    _ => [],
                };
                if (services.Count == 0)
                {
                    continue;
                }

                var named = string.Join(", ", services.Take(3).Select(SensitivePorts.Describe)) + (services.Count > 3 ? $" and {services.Count - 3} more" : string.Empty);
                yield return RuleText.Hit(ingress.Owner, cidr,
                    $"{ingress.Description} allows {named} from {cidr.Current!.Trim()}, {source}.", ingress.Rule.Path + cidr.Current);
            }
        }
    }

    private static string? Source(IPAddress address, int prefix)
    {
        if (!Cidr.IsNonPublic(address, prefix))
        {
            return Cidr.HostBits(address, prefix) > 0 ? "a public network" : null;
        }

        var widest = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? WidestVpcIpv6 : WidestVpcIpv4;
        return prefix < widest ? "a private range wider than any VPC" : null;
    }
}
