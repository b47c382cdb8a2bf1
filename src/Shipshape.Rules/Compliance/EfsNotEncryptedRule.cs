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
            if (fileSystem.Encrypted is { IsKnown: true, Current: false })
            {
                yield return RuleText.Hit(fileSystem, fileSystem.Encrypted, fileSystem.Encrypted.IsExplicit
                    ? $"EFS file system '{fileSystem.Address}' disables encryption at rest."
                    : $"EFS file system '{fileSystem.Address}' does not enable encryption at rest (CloudFormation and the API default to unencrypted).");
            }
        }
    }
}
