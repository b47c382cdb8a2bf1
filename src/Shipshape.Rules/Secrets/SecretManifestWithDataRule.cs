using Shipshape.Core.Model;
using Shipshape.Secrets.Detection;

namespace Shipshape.Rules.Secrets;

/// <summary>
/// SHP-SEC-050: a Kubernetes Secret manifest carries its data (data or stringData) in the repository; base64
/// in data is an encoding, not encryption. Service-account token Secrets, filled in by the control plane, are skipped.
/// </summary>
public sealed class SecretManifestWithDataRule : IRule
{
    public string Id => "SHP-SEC-050";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var secret in model.OfType<KubernetesObject>().Where(o => o.Kind == "Secret"))
        {
            if (secret.Type is { Current: "kubernetes.io/service-account-token" })
            {
                continue;
            }

            var filled = secret.Data.Where(d => d.Val is { IsKnown: true, Current: { Length: > 0 } }).ToList();
            if (filled.Count == 0)
            {
                continue;
            }

            var keys = string.Join(", ", filled.Select(d => $"'{d.Name.Current}'"));
            // At the first value under a credential key, where the secrets scanner reports the same Secret, so a scan
            // that runs both reports it once.
            var at = filled.FirstOrDefault(d => d.Name.Current is { } name && KubernetesSecrets.IsCredentialKey(name)) ?? filled[0];
            yield return RuleText.Hit(secret, at.Val,
                $"Secret '{secret.Address}' has its values committed in the manifest ({keys}); keep them in AWS Secrets Manager or SSM Parameter Store (External Secrets, Secrets Store CSI driver) or encrypt them (Sealed Secrets, SOPS).");
        }
    }
}
