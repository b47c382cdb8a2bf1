using Shipshape.Core.Model;
using Shipshape.Rules.Iam;

namespace Shipshape.Rules.Logging;

/// <summary>SHP-LOG-025: a CloudWatch Logs destination's access policy lets every AWS account subscribe to it.</summary>
public sealed class LogDestinationPublicPolicyRule : IRule
{
    public string Id => "SHP-LOG-025";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var destination in model.OfType<LogDestination>())
        {
            foreach (var principal in PublicStatements.Principals(destination.AccessPolicy))
            {
                yield return RuleText.Hit(destination, principal,
                    $"CloudWatch Logs destination '{destination.Address}' lets every AWS account send logs to it (Principal \"*\" without a condition).");
            }
        }
    }
}
