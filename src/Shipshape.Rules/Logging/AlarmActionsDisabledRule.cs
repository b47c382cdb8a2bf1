using Shipshape.Core.Model;

namespace Shipshape.Rules.Logging;

/// <summary>SHP-LOG-023: a CloudWatch alarm has its actions turned off, so it notifies nobody.</summary>
public sealed class AlarmActionsDisabledRule : IRule
{
    public string Id => "SHP-LOG-023";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var alarm in model.OfType<Alarm>())
        {
            if (alarm.ActionsEnabled is { IsExplicit: true, Current: false })
            {
                yield return RuleText.Hit(alarm, alarm.ActionsEnabled,
                    $"CloudWatch alarm '{alarm.Address}' does not run its actions ({RuleText.FieldName(alarm.ActionsEnabled.Path)} is false).");
            }
        }
    }
}
