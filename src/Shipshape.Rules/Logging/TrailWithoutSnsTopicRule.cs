using Shipshape.Core.Model;

namespace Shipshape.Rules.Logging;

/// <summary>SHP-LOG-021: a CloudTrail trail sends no SNS notification when it delivers log files.</summary>
public sealed class TrailWithoutSnsTopicRule : IRule
{
    public string Id => "SHP-LOG-021";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var trail in model.OfType<Trail>())
        {
            if (trail.SnsTopic is { IsKnown: true } topic && string.IsNullOrEmpty(topic.Current))
            {
                yield return RuleText.Hit(trail, topic,
                    $"CloudTrail trail '{trail.Address}' names no SNS topic ({RuleText.FieldName(topic.Path)}), so nobody is notified of log file deliveries.");
            }
        }
    }
}
