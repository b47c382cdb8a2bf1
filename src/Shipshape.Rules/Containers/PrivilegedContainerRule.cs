using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-001: a container runs privileged.</summary>
public sealed class PrivilegedContainerRule : IRule
{
    public string Id => "SHP-CTR-001";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (workload, container) in RuleText.Containers(model))
        {
            if (container.Privileged is { IsKnown: true, Current: true })
            {
                yield return RuleText.Hit(workload, container.Privileged,
                    $"{RuleText.Describe(container, workload)} sets {RuleText.FieldName(container.Privileged.Path)} to true.");
            }
        }
    }
}
