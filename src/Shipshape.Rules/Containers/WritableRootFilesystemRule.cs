using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-003: a container's root filesystem is writable.</summary>
public sealed class WritableRootFilesystemRule : IRule
{
    public string Id => "SHP-CTR-003";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (workload, container) in RuleText.Containers(model))
        {
            var value = container.ReadonlyRootFilesystem;
            if (!value.IsKnown || value.Current)
            {
                continue;
            }

            var field = RuleText.FieldName(value.Path);
            yield return RuleText.Hit(workload, value, value.IsExplicit
                ? $"{RuleText.Describe(container, workload)} sets {field} to false, so its root filesystem is writable."
                : $"{RuleText.Describe(container, workload)} does not set {field} to true, so its root filesystem is writable.");
        }
    }
}
