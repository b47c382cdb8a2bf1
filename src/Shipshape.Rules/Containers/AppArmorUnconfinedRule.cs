using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-014: a container explicitly runs without AppArmor confinement (the runtime default profile applies otherwise).</summary>
public sealed class AppArmorUnconfinedRule : IRule
{
    public string Id => "SHP-CTR-014";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (workload, container) in RuleText.Containers(model))
        {
            if (container.AppArmorProfile is { IsExplicit: true } profile
                && string.Equals(profile.Current, "Unconfined", StringComparison.OrdinalIgnoreCase))
            {
                yield return RuleText.Hit(workload, profile, $"{RuleText.Describe(container, workload)} runs with the AppArmor profile unconfined.");
            }
        }
    }
}
