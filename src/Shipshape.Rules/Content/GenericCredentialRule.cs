using Shipshape.Core.Model;
using Shipshape.Secrets;

namespace Shipshape.Rules.Content;

/// <summary>SHP-SEC-102: a generic password, secret or token assignment, or a URL or connection string with a password.</summary>
public sealed class GenericCredentialRule : ContentRule
{
    public override string Id => "SHP-SEC-102";

    protected override IEnumerable<RuleHit> Hits(SourceFile file, ContentScanResult content) =>
        content.Secrets.Where(SecretCategories.IsGeneric).Select(hit => ContentText.SecretHit(file, content, hit, "Credential"));
}
