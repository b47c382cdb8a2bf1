using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-009: a container has no hard memory limit, at its own level or (on ECS) the task's.</summary>
public sealed class NoMemoryLimitRule : IRule
{
    public string Id => "SHP-CTR-009";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (workload, container) in RuleText.Containers(model))
        {
            if (!container.MemoryLimitMiB.IsKnown || container.MemoryLimitMiB.Current is not null)
            {
                continue;
            }

            if (workload is TaskDefinition task)
            {
                // The task-level memory is a hard limit shared by all its containers (cgroup of the task).
                if (!task.MemoryMiB.IsKnown || task.MemoryMiB.Current is not null)
                {
                    continue;
                }

                yield return RuleText.Hit(workload, container.MemoryLimitMiB,
                    $"{RuleText.Describe(container, workload)} has no hard memory limit ({RuleText.FieldName(container.MemoryLimitMiB.Path)}), and the task sets no memory either.");
            }
            else
            {
                yield return RuleText.Hit(workload, container.MemoryLimitMiB,
                    $"{RuleText.Describe(container, workload)} has no memory limit.");
            }
        }
    }
}
