using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-013: a container runs without a seccomp profile: explicitly Unconfined, or (Kubernetes) with no
/// profile at container or pod level, where the kubelet's default is Unconfined.
/// </summary>
public sealed class SeccompUnconfinedRule : IRule
{
    public string Id => "SHP-CTR-013";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (workload, container) in RuleText.Containers(model))
        {
            if (container.SeccompProfile is not { IsKnown: true } profile
                || !string.Equals(profile.Current, "Unconfined", StringComparison.OrdinalIgnoreCase)
                || container.Privileged is { IsKnown: true, Current: true })
            {
                continue;
            }

            yield return RuleText.Hit(workload, profile, profile.IsExplicit
                ? $"{RuleText.Describe(container, workload)} runs with the seccomp profile Unconfined."
                : $"{RuleText.Describe(container, workload)} sets no seccomp profile, so it runs Unconfined; set seccompProfile.type to RuntimeDefault.");
        }
    }
}
