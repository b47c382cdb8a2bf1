using Shipshape.Core.Model;

namespace Shipshape.Rules.Images;

/// <summary>SHP-CTR-062: the image's signatures are well formed but none was made by a key or certificate chain given with --key, --trust-root or --notation-cert. Reported only when no signature of the image verifies (another signer's signature next to a trusted one is normal).</summary>
public sealed class ImageSignatureUntrustedRule : IRule
{
    public string Id => "SHP-CTR-062";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context) =>
        SignatureHits.Of(model, ImageSignatureVerdict.Untrusted, "is not signed by a trusted key", unlessVerified: true);
}
