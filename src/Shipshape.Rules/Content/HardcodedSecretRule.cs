using Shipshape.Core.Model;
using Shipshape.Secrets;

namespace Shipshape.Rules.Content;

/// <summary>SHP-SEC-100: a credential of a known provider (gitleaks-class detector) in a file or in git history.</summary>
public sealed class HardcodedSecretRule : IContentRule
{
    public string Id => "SHP-SEC-100";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context) => [];

    public IEnumerable<RuleHit> Evaluate(SourceFile file, ContentScanResult content)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(content);
        return content.Secrets.Where(SecretCategories.IsProviderSecret).Select(hit => ContentText.SecretHit(file, content, hit, "Hard-coded secret"));
    }
}
