using Shipshape.Core.Model;

namespace Shipshape.Rules.Images;

/// <summary>SHP-CTR-061: the signature of an image is malformed or does not verify with the certificate it carries: its payload or signature was changed.</summary>
public sealed class ImageSignatureInvalidRule : IRule
{
    public string Id => "SHP-CTR-061";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context) =>
        SignatureHits.Of(model, ImageSignatureVerdict.Invalid, "has an invalid signature");
}
