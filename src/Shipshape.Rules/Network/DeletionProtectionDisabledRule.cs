using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>SHP-NET-026: an Elastic Load Balancing v2 load balancer can be deleted without first turning deletion protection off.</summary>
public sealed class DeletionProtectionDisabledRule : IRule
{
    public string Id => "SHP-NET-026";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var lb in model.OfType<LoadBalancer>())
        {
            if (lb.DeletionProtection is { IsKnown: true, Current: false } protection)
            {
                var field = LoadBalancerText.Attribute(lb, "deletion_protection.enabled", "enable_deletion_protection");
                yield return RuleText.Hit(lb, protection, protection.IsDefaulted
                    ? $"Load balancer '{lb.Address}' does not set {field}, so deletion protection is off (the default is false)."
                    : $"Load balancer '{lb.Address}' sets {field} to false.");
            }
        }
    }
}
