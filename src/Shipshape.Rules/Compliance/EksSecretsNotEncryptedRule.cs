using Shipshape.Core.Model;

namespace Shipshape.Rules.Compliance;

/// <summary>SHP-CMP-004: an EKS cluster does not encrypt Kubernetes secrets with an AWS KMS key.</summary>
public sealed class EksSecretsNotEncryptedRule : IRule
{
    public string Id => "SHP-CMP-004";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var cluster in model.OfType<EksCluster>())
        {
            if (!cluster.SecretsEncrypted.IsKnown)
            {
                yield return RuleHit.Undecidable(cluster, cluster.SecretsEncrypted, $"EKS cluster '{cluster.Address}' takes its secrets encryption configuration from a value that is not known here.");
            }
            else if (cluster.SecretsEncrypted.Current is false)
            {
                yield return RuleText.Hit(cluster, cluster.SecretsEncrypted, $"EKS cluster '{cluster.Address}' does not encrypt Kubernetes secrets with a KMS key (no encryption configuration for secrets).");
            }
        }
    }
}
