using Shipshape.Core.Model;

namespace Shipshape.Rules.Logging;

/// <summary>SHP-LOG-018: a CloudWatch Logs log group keeps its events forever (no retention).</summary>
public sealed class LogGroupRetentionRule : IRule
{
    public string Id => "SHP-LOG-018";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var group in model.OfType<LogGroup>())
        {
            if (!group.RetentionInDays.IsKnown)
            {
                yield return RuleHit.Undecidable(group, group.RetentionInDays, $"Log group '{group.Address}' takes its retention period from a value that is not known here.");
            }
            else if (group.RetentionInDays.Current is null)
            {
                yield return RuleText.Hit(group, group.RetentionInDays, $"Log group '{group.Address}' has no retention period, so its events never expire.");
            }
        }
    }
}
