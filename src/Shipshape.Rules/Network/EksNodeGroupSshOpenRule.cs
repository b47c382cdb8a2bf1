using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>SHP-NET-019: an EKS managed node group has an SSH key but no source security groups, so EKS opens port 22 to the internet.</summary>
public sealed class EksNodeGroupSshOpenRule : IRule
{
    public string Id => "SHP-NET-019";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var group in model.OfType<EksNodeGroup>())
        {
            if (group.SshKey is { IsKnown: true, Current: { Length: > 0 } } key && group.SshSourceSecurityGroups.IsEmpty)
            {
                yield return RuleText.Hit(group, key,
                    $"EKS node group '{group.Address}' allows SSH with key '{key.Current}' without source security groups, so port 22 is open to 0.0.0.0/0.");
            }
        }
    }
}
