using Shipshape.Core.Model;

namespace Shipshape.Rules.Logging;

/// <summary>
/// SHP-LOG-001: a container has no log configuration. Applies where a container carries its own log
/// settings (ECS, compose); Kubernetes logging is a node concern.
/// </summary>
public sealed class MissingLogConfigurationRule : IRule
{
    public string Id => "SHP-LOG-001";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (workload, container) in RuleText.Containers(model))
        {
            if (workload.Platform == Platform.Kubernetes || container.LogConfiguration is not null)
            {
                continue;
            }

            var field = workload.Platform == Platform.Compose ? "logging" : "logConfiguration";
            yield return new RuleHit(workload, container.Span, $"{container.Path}.{field}",
                $"{RuleText.Describe(container, workload)} has no {field}, so its logs are not collected centrally.");
        }
    }
}
