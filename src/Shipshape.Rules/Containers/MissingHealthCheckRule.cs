using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-016: a container has no health check. Dockerfile: the image the final stage builds has no HEALTHCHECK
/// (or disables it with HEALTHCHECK NONE), here or in the stage it builds on.
/// </summary>
public sealed class MissingHealthCheckRule : IRule
{
    public string Id => "SHP-CTR-016";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var stage in model.OfType<DockerfileStage>().Where(s => s.IsFinal))
        {
            var check = stage.Healthcheck;
            if (!check.IsKnown)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(check.Current))
            {
                yield return RuleText.Hit(stage, check, $"{RuleText.DescribeCapitalised(stage)} defines no HEALTHCHECK.");
            }
            else if (string.Equals(check.Current.Trim(), "NONE", StringComparison.OrdinalIgnoreCase))
            {
                yield return RuleText.Hit(stage, check, $"{RuleText.DescribeCapitalised(stage)} disables the health check (HEALTHCHECK NONE).");
            }
        }
    }
}
