using Shipshape.Core.Model;
using Shipshape.Secrets;

namespace Shipshape.Rules.Content;

/// <summary>SHP-SEC-101: a private key (RSA, EC, DSA, OpenSSH, PKCS#8, PGP, PuTTY) in a file or in git history.</summary>
public sealed class PrivateKeyRule : ContentRule
{
    public override string Id => "SHP-SEC-101";

    protected override IEnumerable<RuleHit> Hits(SourceFile file, ContentScanResult content) =>
        content.Secrets.Where(SecretCategories.IsPrivateKey).Select(hit => ContentText.SecretHit(file, content, hit, "Private key"));
}
