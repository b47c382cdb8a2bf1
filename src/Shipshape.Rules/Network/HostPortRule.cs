using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>
/// SHP-NET-052: a Kubernetes container binds a port of its node (hostPort): the pod is reachable on the node's
/// address outside Services and NetworkPolicies' usual paths, and only one such pod fits on each node.
/// </summary>
public sealed class HostPortRule : IRule
{
    public string Id => "SHP-NET-052";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var workload in model.OfType<KubernetesWorkload>())
        {
            // With hostNetwork every container port is a host port: SHP-NET-001 reports that.
            if (workload.HostNetwork is { IsKnown: true, Current: true })
            {
                continue;
            }

            foreach (var container in workload.Containers)
            {
                foreach (var port in container.PortMappings)
                {
                    if (port.HostPort is { IsExplicit: true, Current: > 0 } hostPort)
                    {
                        yield return RuleText.Hit(workload, hostPort,
                            $"{RuleText.Describe(container, workload)} binds port {hostPort.Current} of its node (hostPort).");
                    }
                }
            }
        }
    }
}
