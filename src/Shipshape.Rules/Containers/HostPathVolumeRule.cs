using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-012: a Kubernetes pod mounts a hostPath volume (the runtime socket is SHP-CTR-011's). Compose bind
/// mounts of source directories are everyday development practice and are left alone.
/// </summary>
public sealed class HostPathVolumeRule : IRule
{
    public string Id => "SHP-CTR-012";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var workload in model.OfType<KubernetesWorkload>())
        {
            foreach (var volume in workload.Volumes)
            {
                if (volume.HostPath is { IsKnown: true } hostPath && !HostPaths.IsRuntimeSocket(hostPath.Current))
                {
                    yield return RuleText.Hit(workload, hostPath,
                        $"{RuleText.DescribeCapitalised(workload)} mounts the host path '{hostPath.Current}' (volume '{volume.Name.Current}').");
                }
            }
        }
    }
}
