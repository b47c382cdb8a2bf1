using Shipshape.Core.Model;

namespace Shipshape.Rules.Logging;

/// <summary>SHP-LOG-010: an ECS cluster does not enable Container Insights.</summary>
public sealed class ContainerInsightsDisabledRule : IRule
{
    public string Id => "SHP-LOG-010";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var cluster in model.OfType<EcsCluster>())
        {
            if (cluster.ContainerInsights is { IsKnown: true } insights && !string.Equals(insights.Current, "enabled", StringComparison.OrdinalIgnoreCase) && !string.Equals(insights.Current, "enhanced", StringComparison.OrdinalIgnoreCase))
            {
                yield return RuleText.Hit(cluster, cluster.ContainerInsights, cluster.ContainerInsights.Current is null
                    ? $"ECS cluster '{cluster.Address}' does not enable Container Insights."
                    : $"ECS cluster '{cluster.Address}' sets containerInsights to '{cluster.ContainerInsights.Current}'.");
            }
        }
    }
}
