using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>
/// SHP-NET-032: a Network, Gateway or Classic Load Balancer routes only to targets in its own Availability Zone, so a
/// zone with fewer healthy targets (or tasks) takes the same share of traffic as the others. Application Load
/// Balancers always balance across zones and are never reported.
/// </summary>
public sealed class CrossZoneDisabledRule : IRule
{
    public string Id => "SHP-NET-032";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var lb in model.OfType<LoadBalancer>())
        {
            if (lb.Type.IsKnown && !LoadBalancerText.IsApplication(lb) && lb.CrossZone is { IsKnown: true, Current: false } crossZone)
            {
                var field = LoadBalancerText.Attribute(lb, "load_balancing.cross_zone.enabled", "enable_cross_zone_load_balancing");
                yield return RuleText.Hit(lb, crossZone, crossZone.IsDefaulted
                    ? $"The {lb.Type.Current} load balancer '{lb.Address}' does not set {field}, so each node routes only to targets in its own Availability Zone (the default is false)."
                    : $"The {lb.Type.Current} load balancer '{lb.Address}' sets {field} to false, so each node routes only to targets in its own Availability Zone.");
            }
        }

        foreach (var elb in model.OfType<ClassicLoadBalancer>())
        {
            if (elb.CrossZone is { IsKnown: true, Current: false } crossZone)
            {
                var field = elb.SourceFormat == "cloudformation" ? "CrossZone" : "cross_zone_load_balancing";
                yield return RuleText.Hit(elb, crossZone, crossZone.IsDefaulted
                    ? $"Classic Load Balancer '{elb.Address}' does not set {field}, so each node routes only to instances in its own Availability Zone (the default is false)."
                    : $"Classic Load Balancer '{elb.Address}' sets {field} to false, so each node routes only to instances in its own Availability Zone.");
            }
        }
    }
}
