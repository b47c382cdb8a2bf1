using Shipshape.Core.Model;

namespace Shipshape.Rules.Compliance;

/// <summary>SHP-CMP-001: an EFS file system is not encrypted at rest.</summary>
public sealed class EfsNotEncryptedRule : IRule
{
    public string Id => "SHP-CMP-001";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var fileSystem in model.OfType<EfsFileSystem>())
        {
            if (!fileSystem.Encrypted.IsKnown)
            {
                yield return RuleHit.Undecidable(fileSystem, fileSystem.Encrypted, $"EFS file system '{fileSystem.Address}' sets Encrypted from a value that is not known here.");
            }
            else if (fileSystem.Encrypted.Current is false)
            {
                yield return RuleText.Hit(fileSystem, fileSystem.Encrypted, fileSystem.Encrypted.IsExplicit
                    ? $"EFS file system '{fileSystem.Address}' disables encryption at rest."
                    : $"EFS file system '{fileSystem.Address}' does not enable encryption at rest (CloudFormation and the API default to unencrypted).");
            }
        }
    }
}
