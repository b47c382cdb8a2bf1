using Shipshape.Core.Model;

namespace Shipshape.Rules.Logging;

/// <summary>
/// SHP-LOG-001: an ECS container has no log configuration. Kubernetes logging is a node concern, and compose
/// files describe local development, where logs stay with the Docker engine on purpose.
/// </summary>
public sealed class MissingLogConfigurationRule : IRule
{
    public string Id => "SHP-LOG-001";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (workload, container) in RuleText.Containers(model))
        {
            if (workload.Platform != Platform.Ecs || container.LogConfiguration is not null)
            {
                continue;
            }

            const string field = "logConfiguration";
            yield return new RuleHit(workload, container.Span, $"{container.Path}.{field}",
                $"{RuleText.Describe(container, workload)} has no {field}, so its logs are not collected centrally.");
        }
    }
}
