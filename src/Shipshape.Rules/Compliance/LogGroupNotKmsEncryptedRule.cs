using Shipshape.Core.Model;

namespace Shipshape.Rules.Compliance;

/// <summary>SHP-CMP-003: a CloudWatch Logs log group is not encrypted with an AWS KMS key.</summary>
public sealed class LogGroupNotKmsEncryptedRule : IRule
{
    public string Id => "SHP-CMP-003";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var group in model.OfType<LogGroup>())
        {
            if (group.KmsKey is { IsKnown: true, Current: null, Reference: null })
            {
                yield return RuleText.Hit(group, group.KmsKey, $"Log group '{group.Address}' is not encrypted with a KMS key.");
            }
        }
    }
}
