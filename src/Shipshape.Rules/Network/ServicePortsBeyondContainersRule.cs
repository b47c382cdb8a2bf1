using System.Globalization;
using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>
/// SHP-NET-013: a security group of an ECS service admits ports that no container of the service's task definition
/// maps. Runs only where both links resolve and every container port is known.
/// </summary>
public sealed class ServicePortsBeyondContainersRule : IRule
{
    public string Id => "SHP-NET-013";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var service in model.OfType<EcsService>())
        {
            if (ModelLinks.Resolve<TaskDefinition>(model, service.TaskDefinition.Reference, service) is not { } task
                || MappedPorts(task) is not { } mapped)
            {
                continue;
            }

            var mappedText = mapped.Count == 0 ? "no ports" : "only " + string.Join(", ", mapped.Order().Select(p => p.ToString(CultureInfo.InvariantCulture)));
            foreach (var groupValue in service.SecurityGroups)
            {
                if (ModelLinks.Resolve<SecurityGroup>(model, groupValue.Reference, service) is not { } group)
                {
                    continue;
                }

                foreach (var ingress in IngressRule.Of(model, group))
                {
                    var extra = ingress.AllTraffic == true ? "all traffic"
                        : ingress.Ports is { } range && Enumerable.Range(range.From, range.To - range.From + 1).Any(p => !mapped.Contains(p))
                            ? $"{ingress.KnownProtocol!.ToUpperInvariant()} {(range.From == range.To ? "port" : "ports")} {IngressRule.Describe(range)}"
                            : null;
                    if (extra is null)
                    {
                        continue;
                    }

                    yield return new RuleHit(ingress.Owner,
                        ingress.AllTraffic == true ? ingress.Rule.Protocol.Span : ingress.Rule.FromPort.Span,
                        ingress.AllTraffic == true ? ingress.Rule.Protocol.Path : ingress.Rule.FromPort.Path,
                        $"{ingress.Description} of ECS {(service.IsTaskSet ? "task set" : "service")} '{service.Address}' allows {extra}, but the containers of {RuleText.Describe(task)} map {mappedText}.",
                        service.Address);
                }
            }
        }
    }

    /// <summary>The container ports of the task definition, or null when any of them is unresolved.</summary>
    private static HashSet<int>? MappedPorts(TaskDefinition task)
    {
        var ports = new HashSet<int>();
        foreach (var mapping in task.Containers.SelectMany(c => c.PortMappings))
        {
            if (!mapping.ContainerPort.IsKnown)
            {
                return null;
            }

            if (mapping.ContainerPort.Current is { } port)
            {
                ports.Add(port);
            }
        }

        return ports;
    }
}
