using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>SHP-NET-001: a workload shares the host's network namespace.</summary>
public sealed class HostNetworkRule : IRule
{
    public string Id => "SHP-NET-001";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var workload in model.OfType<Workload>())
        {
            var value = workload.HostNetwork;
            if (value is { IsKnown: true, Current: true })
            {
                yield return RuleText.Hit(workload, value, workload is TaskDefinition
                    ? $"{RuleText.DescribeCapitalised(workload)} uses the host network mode, so its containers share the host's network namespace."
                    : $"{RuleText.DescribeCapitalised(workload)} shares the host's network namespace.");
            }
        }
    }
}
