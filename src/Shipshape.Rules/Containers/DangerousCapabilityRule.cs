using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-004: a container adds a Linux capability beyond Docker's default set.</summary>
public sealed class DangerousCapabilityRule : IRule
{
    public string Id => "SHP-CTR-004";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (workload, container) in RuleText.Containers(model))
        {
            foreach (var added in container.CapabilitiesAdded)
            {
                if (!added.IsKnown || string.IsNullOrWhiteSpace(added.Current))
                {
                    continue;
                }

                var name = Capabilities.Normalise(added.Current);
                if (!Capabilities.DefaultSet.Contains(name))
                {
                    yield return RuleText.Hit(workload, added, string.Equals(name, "ALL", StringComparison.Ordinal)
                        ? $"{RuleText.Describe(container, workload)} adds ALL Linux capabilities."
                        : $"{RuleText.Describe(container, workload)} adds the Linux capability {name}.");
                }
            }
        }
    }
}
