using Shipshape.Core.Model;

namespace Shipshape.Rules.Logging;

/// <summary>
/// SHP-LOG-002: a container's logs do not reach CloudWatch Logs: a driver other than awslogs, or FireLens
/// with an output plugin other than cloudwatch/cloudwatch_logs. FireLens without a Name option routes by the
/// log router's own configuration file, which is not visible here: no finding. ECS only, as SHP-LOG-001.
/// </summary>
public sealed class LogsNotToCloudWatchRule : IRule
{
    public string Id => "SHP-LOG-002";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (workload, container) in RuleText.Containers(model))
        {
            var log = container.LogConfiguration;
            if (workload.Platform != Platform.Ecs || log is null || !log.Driver.IsKnown || string.IsNullOrWhiteSpace(log.Driver.Current))
            {
                continue;
            }

            var driver = log.Driver.Current.Trim();
            if (string.Equals(driver, "awslogs", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (string.Equals(driver, "awsfirelens", StringComparison.OrdinalIgnoreCase))
            {
                var output = log.Options.FirstOrDefault(o => string.Equals(o.Name.Current, "Name", StringComparison.OrdinalIgnoreCase));
                if (output is null || !output.Val.IsKnown || string.IsNullOrWhiteSpace(output.Val.Current))
                {
                    continue;
                }

                var plugin = output.Val.Current.Trim();
                if (string.Equals(plugin, "cloudwatch", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(plugin, "cloudwatch_logs", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                yield return RuleText.Hit(workload, output.Val,
                    $"{RuleText.Describe(container, workload)} sends its logs through FireLens to the '{plugin}' output, not to CloudWatch Logs.");
                continue;
            }

            yield return RuleText.Hit(workload, log.Driver,
                $"{RuleText.Describe(container, workload)} uses the '{driver}' log driver, so its logs do not reach CloudWatch Logs.");
        }
    }
}
