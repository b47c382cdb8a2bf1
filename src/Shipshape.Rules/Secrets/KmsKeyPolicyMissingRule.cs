using Shipshape.Core.Model;

namespace Shipshape.Rules.Secrets;

/// <summary>SHP-SEC-015: a KMS key has no key policy of its own, so KMS applies the default key policy.</summary>
public sealed class KmsKeyPolicyMissingRule : IRule
{
    public string Id => "SHP-SEC-015";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var key in model.OfType<KmsKey>())
        {
            if (key.KeyPolicyDeclared is { IsKnown: true, Current: false })
            {
                yield return RuleText.Hit(key, key.KeyPolicyDeclared,
                    $"KMS key '{key.Address}' sets no key policy ({RuleText.FieldName(key.KeyPolicyDeclared.Path)}), so the default policy lets every IAM policy in the account grant use of it.");
            }
        }
    }
}
