using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-005: a container does not drop all Linux capabilities.</summary>
public sealed class CapabilitiesNotDroppedRule : IRule
{
    public string Id => "SHP-CTR-005";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (workload, container) in RuleText.Containers(model))
        {
            // AWS Batch's LinuxParameters has no capabilities parameter (AWS Batch API LinuxParameters), so a Batch job
            // cannot drop any: nothing to fix in the job definition.
            if (!container.CapabilitiesDeclared.IsKnown || workload.Platform == Platform.Batch)
            {
                continue;
            }

            var dropped = container.CapabilitiesDropped;
            if (dropped.Any(d => !d.IsKnown)
                || dropped.Any(d => string.Equals(Capabilities.Normalise(d.Current), "ALL", StringComparison.Ordinal)))
            {
                continue;
            }

            yield return RuleText.Hit(workload, container.CapabilitiesDeclared, dropped.IsEmpty
                ? $"{RuleText.Describe(container, workload)} does not drop any Linux capabilities; drop ALL and add back only those it needs."
                : $"{RuleText.Describe(container, workload)} drops some Linux capabilities but not ALL.");
        }
    }
}
