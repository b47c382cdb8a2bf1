using Shipshape.Core;
using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-018 (CPU) and SHP-CTR-019 (memory): a Kubernetes container requests no CPU or no memory, so the scheduler
/// places it without reserving any, and under pressure it is among the first to starve or be evicted
/// (BestEffort or Burstable quality of service).
/// </summary>
public sealed class NoResourceRequestRule : IRule
{
    private readonly bool _cpu;

    private NoResourceRequestRule(bool cpu) => _cpu = cpu;

    public static NoResourceRequestRule Cpu { get; } = new(cpu: true);

    public static NoResourceRequestRule Memory { get; } = new(cpu: false);

    public string Id => _cpu ? "SHP-CTR-018" : "SHP-CTR-019";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var workload in model.OfType<KubernetesWorkload>())
        {
            foreach (var container in workload.Containers)
            {
                if (Missing(container) is { } request)
                {
                    var field = _cpu ? "cpu" : "memory";
                    yield return new RuleHit(workload, request.Span, request.Path,
                        $"{RuleText.Describe(container, workload)} requests no {(_cpu ? "CPU" : "memory")} (resources.requests.{field}), so the scheduler reserves none for it.");
                }
            }
        }
    }

    /// <summary>
    /// The absent request, or null when one is set or implied: a limit without a request makes the request equal to
    /// the limit (Kubernetes, "Resource Management for Pods and Containers").
    /// </summary>
    private (SourceSpan Span, string Path)? Missing(Container container)
    {
        if (_cpu)
        {
            return container.CpuRequest is { IsKnown: true, Current: null } request && container.CpuLimit is { IsKnown: true, Current: null }
                ? (request.Span, request.Path)
                : null;
        }

        return container.MemoryReservationMiB is { IsKnown: true, Current: null } memory && container.MemoryLimitMiB is { IsKnown: true, Current: null }
            ? (memory.Span, memory.Path)
            : null;
    }
}
