using Shipshape.Core.Model;

namespace Shipshape.Rules.Logging;

/// <summary>
/// SHP-LOG-001: a container's logs are not sent anywhere: an ECS container without logConfiguration (its output stays
/// on the instance, or is lost on Fargate), a compose service without logging (the engine's local json-file), or
/// either with the log driver "none". Kubernetes logging is a node concern and has no per-container field.
/// </summary>
public sealed class MissingLogConfigurationRule : IRule
{
    public string Id => "SHP-LOG-001";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (workload, container) in RuleText.Containers(model))
        {
            if (workload.Platform is not (Platform.Ecs or Platform.Compose))
            {
                continue;
            }

            if (container.LogConfiguration is { } logging)
            {
                if (logging.Driver is { IsKnown: true, Current: { } driver } && string.Equals(driver, "none", StringComparison.OrdinalIgnoreCase))
                {
                    yield return RuleText.Hit(workload, logging.Driver,
                        $"{RuleText.Describe(container, workload)} sets the log driver to none ({RuleText.FieldName(logging.Driver.Path)}), so its logs are discarded.");
                }
                else if (!logging.Driver.IsKnown)
                {
                    yield return RuleHit.Undecidable(workload, logging.Driver,
                        $"{RuleText.Describe(container, workload)} takes its log driver from a value that is not known here.");
                }

                continue;
            }

            var field = workload.Platform == Platform.Compose ? "logging"
                : RuleText.InFormat(workload, "logConfiguration");
            var consequence = workload.Platform == Platform.Compose
                ? "its logs stay in the Docker engine's local json-file log on the host"
                : "its logs are not collected centrally";
            yield return new RuleHit(workload, container.Span, $"{container.Path}.{field}",
                $"{RuleText.Describe(container, workload)} has no {field}, so {consequence}.");
        }
    }
}
