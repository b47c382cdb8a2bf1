using Shipshape.Core.Model;

namespace Shipshape.Rules.Images;

/// <summary>The hits of the signature rules: one per signature of a verdict, located at the image's manifest, naming how the signature is attached.</summary>
internal static class SignatureHits
{
    public static IEnumerable<RuleHit> Of(ModelSet model, ImageSignatureVerdict verdict, string text, bool unlessVerified = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var image in model.OfType<ContainerImage>())
        {
            if (image.Signing is not { } signing || (unlessVerified && signing.Signatures.Any(s => s.Verdict == ImageSignatureVerdict.Verified)))
            {
                continue;
            }

            foreach (var signature in signing.Signatures.Where(s => s.Verdict == verdict))
            {
                yield return new RuleHit(image, signing.Span, "signatures",
                    $"{RuleText.Describe(image)} {text}: the {signature.Format} signature ({signature.Reference}): {signature.Detail}.", signature.Reference);
            }
        }
    }
}
