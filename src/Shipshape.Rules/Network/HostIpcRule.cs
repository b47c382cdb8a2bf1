using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>SHP-NET-004: a workload shares the host's IPC namespace.</summary>
public sealed class HostIpcRule : IRule
{
    public string Id => "SHP-NET-004";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var workload in model.OfType<Workload>())
        {
            if (workload.HostIpc is { IsKnown: true, Current: true })
            {
                yield return RuleText.Hit(workload, workload.HostIpc,
                    $"{RuleText.DescribeCapitalised(workload)} shares the host's IPC namespace ({RuleText.FieldName(workload.HostIpc.Path)}).");
            }
        }
    }
}
