using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>SHP-NET-003: a workload shares the host's process ID namespace.</summary>
public sealed class HostPidRule : IRule
{
    public string Id => "SHP-NET-003";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var workload in model.OfType<Workload>())
        {
            if (workload.HostPid is { IsKnown: true, Current: true })
            {
                yield return RuleText.Hit(workload, workload.HostPid,
                    $"{RuleText.DescribeCapitalised(workload)} shares the host's process ID namespace ({RuleText.FieldName(workload.HostPid.Path)}).");
            }
        }
    }
}
