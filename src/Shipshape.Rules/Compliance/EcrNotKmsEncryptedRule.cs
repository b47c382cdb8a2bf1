using Shipshape.Core.Model;

namespace Shipshape.Rules.Compliance;

/// <summary>SHP-CMP-002: an ECR repository is encrypted with the AES256 default instead of AWS KMS.</summary>
public sealed class EcrNotKmsEncryptedRule : IRule
{
    public string Id => "SHP-CMP-002";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var repo in model.OfType<EcrRepository>())
        {
            if (repo.EncryptionType is { IsKnown: true } type && string.Equals(type.Current, "AES256", StringComparison.OrdinalIgnoreCase))
            {
                yield return RuleText.Hit(repo, repo.EncryptionType, repo.EncryptionType.IsExplicit
                    ? $"ECR repository '{repo.Address}' uses AES256 encryption instead of AWS KMS."
                    : $"ECR repository '{repo.Address}' does not set an encryption configuration, so it uses AES256 instead of AWS KMS.");
            }
        }
    }
}
