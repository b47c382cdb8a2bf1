using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>
/// SHP-NET-002: an ECS task definition uses bridge (or Windows default) networking instead of awsvpc.
/// host is SHP-NET-001's; none has no network to separate.
/// </summary>
public sealed class NetworkModeNotAwsvpcRule : IRule
{
    public string Id => "SHP-NET-002";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var task in model.OfType<TaskDefinition>())
        {
            var mode = task.NetworkMode;
            if (!mode.IsKnown || string.IsNullOrWhiteSpace(mode.Current))
            {
                continue;
            }

            var text = mode.Current.Trim();
            if (string.Equals(text, "awsvpc", StringComparison.OrdinalIgnoreCase)
                || string.Equals(text, "host", StringComparison.OrdinalIgnoreCase)
                || string.Equals(text, "none", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            yield return RuleText.Hit(task, mode, mode.IsExplicit
                ? $"{RuleText.DescribeCapitalised(task)} uses the {text} network mode instead of awsvpc, so its tasks share the instance's network and security groups."
                : $"{RuleText.DescribeCapitalised(task)} does not set networkMode, so it uses the {text} network mode instead of awsvpc.");
        }
    }
}
