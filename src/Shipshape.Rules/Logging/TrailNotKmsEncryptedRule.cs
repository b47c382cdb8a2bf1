using Shipshape.Core.Model;

namespace Shipshape.Rules.Logging;

/// <summary>SHP-LOG-015: a CloudTrail trail's log files are not encrypted with an AWS KMS key.</summary>
public sealed class TrailNotKmsEncryptedRule : IRule
{
    public string Id => "SHP-LOG-015";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var trail in model.OfType<Trail>())
        {
            if (trail.KmsKey is { IsKnown: true, Current: null, Reference: null })
            {
                yield return RuleText.Hit(trail, trail.KmsKey, $"CloudTrail trail '{trail.Address}' does not encrypt its log files with a KMS key.");
            }
            else if (trail.KmsKey is { IsKnown: false, Reference: null })
            {
                // A reference to a key resource is a key; a parameter or variable may be empty, which means no key.
                yield return RuleHit.Undecidable(trail, trail.KmsKey, $"CloudTrail trail '{trail.Address}' takes its KMS key from a value that is not known here.");
            }
        }
    }
}
