using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-012: a workload mounts a sensitive directory of the host (the root, /etc, /proc, /sys, /dev, the
/// runtime's or kubelet's state, …) in any format: ECS host volumes, compose bind mounts, Kubernetes hostPath.
/// On Kubernetes every hostPath volume is reported, as the Pod Security Standards (baseline) forbid them all; compose
/// bind mounts of source directories and ECS host volumes of application directories are everyday practice and left
/// alone. The runtime socket is SHP-CTR-011's.
/// </summary>
public sealed class HostPathVolumeRule : IRule
{
    public string Id => "SHP-CTR-012";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var workload in model.OfType<Workload>())
        {
            foreach (var volume in workload.Volumes)
            {
                if (volume.HostPath is not { IsKnown: true, Current: { } path } hostPath || HostPaths.IsRuntimeSocket(path))
                {
                    continue;
                }

                var sensitive = HostPaths.IsSensitive(path);
                if (!sensitive && workload.Platform != Platform.Kubernetes)
                {
                    continue;
                }

                var what = sensitive ? "the sensitive host path" : "the host path";
                var mount = workload.Platform == Platform.Compose ? "bind mount" : $"volume '{volume.Name.Current}'";
                yield return RuleText.Hit(workload, hostPath, $"{RuleText.DescribeCapitalised(workload)} mounts {what} '{path}' ({mount}).");
            }
        }
    }
}
