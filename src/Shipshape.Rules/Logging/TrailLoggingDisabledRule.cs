using Shipshape.Core.Model;

namespace Shipshape.Rules.Logging;

/// <summary>SHP-LOG-020: a CloudTrail trail exists but does not log (IsLogging false, enable_logging = false).</summary>
public sealed class TrailLoggingDisabledRule : IRule
{
    public string Id => "SHP-LOG-020";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var trail in model.OfType<Trail>())
        {
            if (trail.IsLogging is { IsKnown: true, Current: false })
            {
                yield return RuleText.Hit(trail, trail.IsLogging,
                    $"CloudTrail trail '{trail.Address}' does not log events ({RuleText.FieldName(trail.IsLogging.Path)} is false).");
            }
        }
    }
}
