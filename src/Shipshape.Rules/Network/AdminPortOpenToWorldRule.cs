using System.Globalization;
using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>SHP-NET-010: a security group admits SSH (22) or RDP (3389) from any address.</summary>
public sealed class AdminPortOpenToWorldRule : IRule
{
    // Checkov and Security Hub check each port on its own (CKV_AWS_24 and EC2.13 SSH, CKV_AWS_25 and EC2.14 RDP): a hit on
    // one port is not the other's check.
    private static readonly (int Port, string Name, HashSet<string> NotEquivalents)[] AdminPorts =
        [(22, "SSH", new(StringComparer.OrdinalIgnoreCase) { "CKV_AWS_25", "EC2.14" }), (3389, "RDP", new(StringComparer.OrdinalIgnoreCase) { "CKV_AWS_24", "EC2.13" })];

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

            foreach (var (port, name, notEquivalents) in AdminPorts)
            {
                if (ingress.Covers(port) == true)
                {
                    yield return RuleText.Hit(ingress.Owner, cidr,
                        string.Create(CultureInfo.InvariantCulture, $"{ingress.Description} allows {name} ({port}) from {cidr.Current!.Trim()}."),
                        port.ToString(CultureInfo.InvariantCulture)) with { NotEquivalents = notEquivalents };
                }
            }
        }
    }
}
