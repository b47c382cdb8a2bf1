using Shipshape.Core.Model;

namespace Shipshape.Rules.Secrets;

/// <summary>SHP-SEC-011: a Secrets Manager secret has no rotation schedule.</summary>
public sealed class SecretNotRotatedRule : IRule
{
    public string Id => "SHP-SEC-011";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var secret in model.OfType<SecretsManagerSecret>())
        {
            if (secret.Rotated is { IsKnown: true, Current: false })
            {
                yield return RuleText.Hit(secret, secret.Rotated, $"Secrets Manager secret '{secret.Address}' has no rotation schedule.");
            }
        }
    }
}
