using Shipshape.Core.Model;

namespace Shipshape.Rules.Logging;

/// <summary>SHP-LOG-024: a CloudWatch Logs log group deletes its events before a year has passed.</summary>
public sealed class LogGroupRetentionUnderYearRule : IRule
{
    /// <summary>PCI DSS 4.0 requirement 10.5.1: at least twelve months of audit log history.</summary>
    private const int Year = 365;

    public string Id => "SHP-LOG-024";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var group in model.OfType<LogGroup>())
        {
            // No retention (null) keeps events forever, which SHP-LOG-018 reports on its own.
            if (!group.RetentionInDays.IsKnown)
            {
                yield return RuleHit.Undecidable(group, group.RetentionInDays, $"Log group '{group.Address}' takes its retention period from a value that is not known here.");
            }
            else if (group.RetentionInDays.Current is { } days && days < Year)
            {
                yield return RuleText.Hit(group, group.RetentionInDays,
                    $"Log group '{group.Address}' keeps its events for {days} days ({RuleText.FieldName(group.RetentionInDays.Path)}), less than a year.");
            }
        }
    }
}
