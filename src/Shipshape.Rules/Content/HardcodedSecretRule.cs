using Shipshape.Core.Model;
using Shipshape.Secrets;

namespace Shipshape.Rules.Content;

/// <summary>SHP-SEC-100: a credential of a known provider (gitleaks-class detector) in a file or in git history.</summary>
public sealed class HardcodedSecretRule : ContentRule
{
    public override string Id => "SHP-SEC-100";

    protected override IEnumerable<RuleHit> Hits(SourceFile file, ContentScanResult content) =>
        content.Secrets.Where(SecretCategories.IsProviderSecret).Select(hit => ContentText.SecretHit(file, content, hit, "Hard-coded secret"));
}
