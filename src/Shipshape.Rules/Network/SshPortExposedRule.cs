using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>SHP-NET-005: a container maps port 22 (SSH), on the container or the host side, or a Dockerfile EXPOSEs it.</summary>
public sealed class SshPortExposedRule : IRule
{
    private const int SshPort = 22;

    public string Id => "SHP-NET-005";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (workload, container) in RuleText.Containers(model))
        {
            foreach (var mapping in container.PortMappings)
            {
                if (mapping.ContainerPort is { IsKnown: true, Current: SshPort })
                {
                    yield return RuleText.Hit(workload, mapping.ContainerPort,
                        $"{RuleText.Describe(container, workload)} exposes container port 22 (SSH).");
                }
                else if (mapping.HostPort is { IsKnown: true, Current: SshPort })
                {
                    yield return RuleText.Hit(workload, mapping.HostPort,
                        $"{RuleText.Describe(container, workload)} publishes host port 22 (SSH).");
                }
            }
        }

        foreach (var stage in model.OfType<DockerfileStage>())
        {
            foreach (var port in stage.ExposedPorts.Where(p => p.IsKnown))
            {
                // EXPOSE <port>[/<protocol>] (Dockerfile reference).
                if (string.Equals(port.Current.Split('/')[0].Trim(), "22", StringComparison.Ordinal))
                {
                    yield return RuleText.Hit(stage, port, $"{RuleText.DescribeCapitalised(stage)} EXPOSEs port 22 (SSH).");
                }
            }
        }

        foreach (var image in model.OfType<ContainerImage>())
        {
            // ExposedPorts keys are "<port>/<protocol>" in the image config specification.
            foreach (var port in image.ExposedPorts.Where(p => string.Equals(p.Current.Split('/')[0].Trim(), "22", StringComparison.Ordinal)))
            {
                yield return RuleText.Hit(image, port, $"{RuleText.Describe(image)} exposes port {port.Current} (SSH) in its config.");
            }
        }
    }
}
