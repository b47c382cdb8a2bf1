using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-015: a container has no hard CPU limit: no Kubernetes resources.limits.cpu, no compose cpus; on ECS,
/// where a container's cpu is only a relative share on Linux, the task sets no cpu either (Fargate requires one).
/// </summary>
public sealed class NoCpuLimitRule : IRule
{
    public string Id => "SHP-CTR-015";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (workload, container) in RuleText.Containers(model))
        {
            if (container.CpuLimit is not { IsKnown: true, Current: null } limit)
            {
                continue;
            }

            if (workload is TaskDefinition task)
            {
                if (!task.Cpu.IsKnown || task.Cpu.Current is not null)
                {
                    continue;
                }

                yield return RuleText.Hit(workload, task.Cpu,
                    $"{RuleText.Describe(container, workload)} has no CPU limit: the task sets no {RuleText.FieldName(task.Cpu.Path)}, and a container's {RuleText.FieldName(limit.Path)} is only a relative share.",
                    container.Name.Current);
            }
            else
            {
                yield return RuleText.Hit(workload, limit, $"{RuleText.Describe(container, workload)} has no CPU limit ({FieldPath(limit.Path, container)}).");
            }
        }
    }

    /// <summary>The field path below the container ("resources.limits.cpu", "deploy.resources.limits.cpus").</summary>
    internal static string FieldPath(string path, Container container) =>
        path.StartsWith(container.Path + ".", StringComparison.Ordinal) ? path[(container.Path.Length + 1)..] : RuleText.FieldName(path);
}
