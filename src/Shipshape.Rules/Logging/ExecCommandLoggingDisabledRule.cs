using Shipshape.Core.Model;

namespace Shipshape.Rules.Logging;

/// <summary>SHP-LOG-011: an ECS cluster turns off logging of ECS Exec sessions (logging NONE).</summary>
public sealed class ExecCommandLoggingDisabledRule : IRule
{
    public string Id => "SHP-LOG-011";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var cluster in model.OfType<EcsCluster>())
        {
            if (cluster.ExecuteCommandLogging is { IsKnown: true } logging && string.Equals(logging.Current, "NONE", StringComparison.OrdinalIgnoreCase))
            {
                yield return RuleText.Hit(cluster, cluster.ExecuteCommandLogging, $"ECS cluster '{cluster.Address}' turns off logging of ECS Exec sessions (logging NONE).");
            }
        }
    }
}
