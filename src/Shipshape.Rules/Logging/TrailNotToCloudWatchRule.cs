using Shipshape.Core.Model;

namespace Shipshape.Rules.Logging;

/// <summary>SHP-LOG-014: a CloudTrail trail does not deliver its events to CloudWatch Logs.</summary>
public sealed class TrailNotToCloudWatchRule : IRule
{
    public string Id => "SHP-LOG-014";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var trail in model.OfType<Trail>())
        {
            if (trail.CloudWatchLogsGroup is { IsKnown: true, Current: null, Reference: null })
            {
                yield return RuleText.Hit(trail, trail.CloudWatchLogsGroup, $"CloudTrail trail '{trail.Address}' does not send its events to CloudWatch Logs.");
            }
        }
    }
}
