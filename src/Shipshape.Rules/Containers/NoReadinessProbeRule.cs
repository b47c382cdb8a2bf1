using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-017: a Kubernetes container has no readinessProbe, so its Service sends it traffic before it is ready and
/// while it is overloaded. Init containers and Jobs are not probed.
/// </summary>
public sealed class NoReadinessProbeRule : IRule
{
    public string Id => "SHP-CTR-017";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (workload, container) in RuleText.Containers(model))
        {
            if (container.Role == ContainerRole.Application && container.ReadinessProbe is { IsKnown: true, Current: false } probe)
            {
                yield return RuleText.Hit(workload, probe,
                    $"{RuleText.Describe(container, workload)} has no readinessProbe, so it receives traffic before it is ready.");
            }
        }
    }
}
