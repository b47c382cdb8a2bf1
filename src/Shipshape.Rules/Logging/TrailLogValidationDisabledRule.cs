using Shipshape.Core.Model;

namespace Shipshape.Rules.Logging;

/// <summary>SHP-LOG-013: a CloudTrail trail does not validate its log files.</summary>
public sealed class TrailLogValidationDisabledRule : IRule
{
    public string Id => "SHP-LOG-013";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var trail in model.OfType<Trail>())
        {
            if (trail.LogFileValidation is { IsKnown: true, Current: false })
            {
                yield return RuleText.Hit(trail, trail.LogFileValidation, $"CloudTrail trail '{trail.Address}' does not enable log file validation.");
            }
        }
    }
}
