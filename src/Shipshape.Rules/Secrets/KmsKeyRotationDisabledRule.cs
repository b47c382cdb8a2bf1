using Shipshape.Core.Model;

namespace Shipshape.Rules.Secrets;

/// <summary>SHP-SEC-012: a symmetric encryption KMS key does not rotate its key material.</summary>
public sealed class KmsKeyRotationDisabledRule : IRule
{
    public string Id => "SHP-SEC-012";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var key in model.OfType<KmsKey>())
        {
            if (key.KeySpec is { IsKnown: true } spec && string.Equals(spec.Current, "SYMMETRIC_DEFAULT", StringComparison.OrdinalIgnoreCase) && key.RotationEnabled is { IsKnown: true, Current: false })
            {
                yield return RuleText.Hit(key, key.RotationEnabled, key.RotationEnabled.IsExplicit
                    ? $"KMS key '{key.Address}' disables automatic key rotation."
                    : $"KMS key '{key.Address}' does not enable automatic key rotation (the default is off).");
            }
        }
    }
}
