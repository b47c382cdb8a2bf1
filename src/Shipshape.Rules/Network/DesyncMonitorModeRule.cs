using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>SHP-NET-025: a load balancer's HTTP desync mitigation mode is monitor, so it forwards requests that risk request smuggling.</summary>
public sealed class DesyncMonitorModeRule : IRule
{
    public string Id => "SHP-NET-025";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var lb in model.OfType<LoadBalancer>().Where(LoadBalancerText.IsApplication))
        {
            if (IsMonitor(lb.DesyncMitigationMode))
            {
                yield return RuleText.Hit(lb, lb.DesyncMitigationMode,
                    $"Application Load Balancer '{lb.Address}' sets {LoadBalancerText.Attribute(lb, "routing.http.desync_mitigation_mode", "desync_mitigation_mode")} to monitor, so it forwards ambiguous requests that enable HTTP desync (request smuggling).");
            }
        }

        foreach (var elb in model.OfType<ClassicLoadBalancer>())
        {
            if (IsMonitor(elb.DesyncMitigationMode))
            {
                yield return RuleText.Hit(elb, elb.DesyncMitigationMode,
                    $"Classic Load Balancer '{elb.Address}' sets desync_mitigation_mode to monitor, so it forwards ambiguous requests that enable HTTP desync (request smuggling).");
            }
        }
    }

    private static bool IsMonitor(Value<string> mode) =>
        mode.IsExplicit && string.Equals(mode.Current.Trim(), "monitor", StringComparison.OrdinalIgnoreCase);
}
