using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-011: a workload mounts the container runtime socket (Docker, containerd, CRI-O, Podman) from the host.</summary>
public sealed class RuntimeSocketMountedRule : IRule
{
    public string Id => "SHP-CTR-011";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var workload in model.OfType<Workload>())
        {
            foreach (var volume in workload.Volumes)
            {
                if (volume.HostPath is { IsKnown: true } hostPath && HostPaths.IsRuntimeSocket(hostPath.Current))
                {
                    yield return RuleText.Hit(workload, hostPath,
                        $"{RuleText.DescribeCapitalised(workload)} mounts '{hostPath.Current}' from the host, which exposes the container runtime socket: whoever controls the container controls the host.");
                }
            }
        }
    }
}
