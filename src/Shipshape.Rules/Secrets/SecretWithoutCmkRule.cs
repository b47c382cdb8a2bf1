using Shipshape.Core.Model;

namespace Shipshape.Rules.Secrets;

/// <summary>SHP-SEC-016: a Secrets Manager secret is encrypted with the AWS managed key instead of a customer managed key.</summary>
public sealed class SecretWithoutCmkRule : IRule
{
    public string Id => "SHP-SEC-016";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var secret in model.OfType<SecretsManagerSecret>())
        {
            // Secrets Manager: without KmsKeyId the secret uses the AWS managed key aws/secretsmanager.
            if (secret.KmsKey is { IsKnown: true } key
                && (string.IsNullOrEmpty(key.Current) || key.Current.EndsWith("aws/secretsmanager", StringComparison.Ordinal)))
            {
                yield return RuleText.Hit(secret, key,
                    $"Secrets Manager secret '{secret.Address}' is encrypted with the AWS managed key aws/secretsmanager ({RuleText.FieldName(key.Path)}), not a customer managed key.");
            }
        }
    }
}
