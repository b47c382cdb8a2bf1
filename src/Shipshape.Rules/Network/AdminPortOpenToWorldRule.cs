using System.Globalization;
using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>SHP-NET-010: a security group admits SSH (22) or RDP (3389) from any address.</summary>
public sealed class AdminPortOpenToWorldRule : IRule
{
    private static readonly (int Port, string Name)[] AdminPorts = [(22, "SSH"), (3389, "RDP")];

    public string Id => "SHP-NET-010";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var ingress in IngressRule.All(model))
        {
            if (ingress.OpenToWorld is not { } cidr)
            {
                continue;
            }

            foreach (var (port, name) in AdminPorts)
            {
                if (ingress.Covers(port) == true)
                {
                    yield return RuleText.Hit(ingress.Owner, cidr,
                        string.Create(CultureInfo.InvariantCulture, $"{ingress.Description} allows {name} ({port}) from {cidr.Current!.Trim()}."),
                        port.ToString(CultureInfo.InvariantCulture));
                }
            }
        }
    }
}
