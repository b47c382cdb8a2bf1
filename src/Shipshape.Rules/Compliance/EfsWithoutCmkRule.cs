using Shipshape.Core.Model;

namespace Shipshape.Rules.Compliance;

/// <summary>SHP-CMP-005: an encrypted EFS file system uses the AWS managed key instead of a customer managed key.</summary>
public sealed class EfsWithoutCmkRule : IRule
{
    public string Id => "SHP-CMP-005";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var fs in model.OfType<EfsFileSystem>())
        {
            // An unencrypted file system is SHP-CMP-001's; EFS: without KmsKeyId, the key is aws/elasticfilesystem.
            if (fs.Encrypted is { IsKnown: true, Current: true } && fs.KmsKey is { IsKnown: true } key
                && (string.IsNullOrEmpty(key.Current) || key.Current.EndsWith("aws/elasticfilesystem", StringComparison.Ordinal)))
            {
                yield return RuleText.Hit(fs, key,
                    $"EFS file system '{fs.Address}' is encrypted with the AWS managed key aws/elasticfilesystem ({RuleText.FieldName(key.Path)}), not a customer managed key.");
            }
        }
    }
}
