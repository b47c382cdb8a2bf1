using Shipshape.Core.Model;
using Shipshape.Rules.Network;

namespace Shipshape.Rules.Logging;

/// <summary>SHP-LOG-030: an Application, Network or Classic Load Balancer does not deliver access logs.</summary>
public sealed class LoadBalancerAccessLogsRule : IRule
{
    public string Id => "SHP-LOG-030";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var lb in model.OfType<LoadBalancer>())
        {
            // Gateway Load Balancers have no access logs (ELB User Guide for Gateway Load Balancers: monitoring lists none).
            if (lb.Type is { IsKnown: true } type && string.Equals(type.Current, "gateway", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (lb.AccessLogs is { IsKnown: true, Current: false } logs)
            {
                var field = LoadBalancerText.Attribute(lb, "access_logs.s3.enabled", "access_logs { enabled }");
                yield return RuleText.Hit(lb, logs, logs.IsDefaulted
                    ? $"Load balancer '{lb.Address}' does not turn on access logs ({field}; the default is false)."
                    : $"Load balancer '{lb.Address}' turns access logs off ({field} is false).");
            }
        }

        foreach (var elb in model.OfType<ClassicLoadBalancer>())
        {
            if (elb.AccessLogs is { IsKnown: true, Current: false } logs)
            {
                var field = elb.SourceFormat == "cloudformation" ? "AccessLoggingPolicy" : "access_logs";
                yield return RuleText.Hit(elb, logs, logs.IsDefaulted
                    ? $"Classic Load Balancer '{elb.Address}' has no {field}, so it delivers no access logs."
                    : $"Classic Load Balancer '{elb.Address}' turns access logs off ({field} enabled is false).");
            }
        }
    }
}
