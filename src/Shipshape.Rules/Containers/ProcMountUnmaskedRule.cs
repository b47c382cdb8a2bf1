using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-020: a Kubernetes container sets securityContext.procMount to Unmasked, exposing the host's /proc paths the runtime normally masks.</summary>
public sealed class ProcMountUnmaskedRule : IRule
{
    public string Id => "SHP-CTR-020";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (workload, container) in RuleText.Containers(model))
        {
            if (container.ProcMount is { IsExplicit: true } procMount && string.Equals(procMount.Current, "Unmasked", StringComparison.Ordinal))
            {
                yield return RuleText.Hit(workload, procMount,
                    $"{RuleText.Describe(container, workload)} sets procMount: Unmasked, so /proc is not masked and read-only where the runtime would protect it.");
            }
        }
    }
}
