using Shipshape.Core.Model;
using Shipshape.Secrets;

namespace Shipshape.Rules.Content;

/// <summary>SHP-SEC-101: a private key (RSA, EC, DSA, OpenSSH, PKCS#8, PGP, PuTTY) in a file or in git history.</summary>
public sealed class PrivateKeyRule : IContentRule
{
    public string Id => "SHP-SEC-101";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context) => [];

    public IEnumerable<RuleHit> Evaluate(SourceFile file, ContentScanResult content)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(content);
        return content.Secrets.Where(SecretCategories.IsPrivateKey).Select(hit => ContentText.SecretHit(file, content, hit, "Private key"));
    }
}
