using Shipshape.Core.Model;

namespace Shipshape.Rules.Secrets;

/// <summary>SHP-SEC-014: a KMS key is created disabled.</summary>
public sealed class KmsKeyDisabledRule : IRule
{
    public string Id => "SHP-SEC-014";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var key in model.OfType<KmsKey>())
        {
            if (key.Enabled is { IsExplicit: true, Current: false })
            {
                yield return RuleText.Hit(key, key.Enabled,
                    $"KMS key '{key.Address}' is disabled ({RuleText.FieldName(key.Enabled.Path)} is false), so nothing can encrypt or decrypt with it.");
            }
        }
    }
}
