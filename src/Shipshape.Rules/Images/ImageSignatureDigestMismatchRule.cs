using Shipshape.Core.Model;

namespace Shipshape.Rules.Images;

/// <summary>SHP-CTR-063: a signature attached to the image signs another manifest digest.</summary>
public sealed class ImageSignatureDigestMismatchRule : IRule
{
    public string Id => "SHP-CTR-063";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context) =>
        SignatureHits.Of(model, ImageSignatureVerdict.DigestMismatch, "has a signature for another image");
}
