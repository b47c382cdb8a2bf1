using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-107: the image a Dockerfile builds has no HEALTHCHECK (or disables it with HEALTHCHECK NONE).</summary>
public sealed class DockerfileNoHealthcheckRule : IRule
{
    public string Id => "SHP-CTR-107";

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
