using Shipshape.Core.Model;
using Shipshape.Rules.Iam;

namespace Shipshape.Rules.Secrets;

/// <summary>SHP-SEC-013: a KMS key policy allows every principal ("*") without a condition.</summary>
public sealed class KmsKeyPolicyPublicRule : IRule
{
    public string Id => "SHP-SEC-013";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var key in model.OfType<KmsKey>())
        {
            foreach (var principal in PublicStatements.Principals(key.KeyPolicy))
            {
                yield return RuleText.Hit(key, principal,
                    $"KMS key '{key.Address}' has a key policy that allows everyone (Principal \"*\") without a condition.");
            }
        }
    }
}
