using Shipshape.Core.Model;
using Shipshape.Secrets;

namespace Shipshape.Rules.Content;

/// <summary>SHP-SEC-102: a generic password, secret or token assignment, or a URL or connection string with a password.</summary>
public sealed class GenericCredentialRule : IContentRule
{
    public string Id => "SHP-SEC-102";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context) => [];

    public IEnumerable<RuleHit> Evaluate(SourceFile file, ContentScanResult content)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(content);
        return content.Secrets.Where(SecretCategories.IsGeneric).Select(hit => ContentText.SecretHit(file, content, hit, "Credential"));
    }
}
