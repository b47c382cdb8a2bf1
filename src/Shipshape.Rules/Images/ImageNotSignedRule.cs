using Shipshape.Core.Model;

namespace Shipshape.Rules.Images;

/// <summary>
/// SHP-CTR-060: no signature in the archive or layout signs the image (its manifest or an index above it), by the
/// cosign tag convention or as an OCI 1.1 referrer. Reported with or without keys given: an unsigned image cannot be
/// verified by anyone. A docker-save archive cannot carry signatures at all, which the message says.
/// </summary>
public sealed class ImageNotSignedRule : IRule
{
    public string Id => "SHP-CTR-060";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var image in model.OfType<ContainerImage>())
        {
            if (image.Signing is not { Signatures.IsEmpty: true } signing)
            {
                continue;
            }

            var what = signing.Digests.IsEmpty ? "the image" : string.Join(" or ", signing.Digests);
            yield return new RuleHit(image, signing.Span, "signatures", signing.CanHoldSignatures
                ? $"{RuleText.Describe(image)} has no cosign or Notation signature for {what} (no sha256-<digest>.sig tag and no signature referrer in the layout)."
                : $"{RuleText.Describe(image)} carries no signature: a docker-save archive cannot hold one. Save it with its signatures as an OCI layout (cosign save, oras copy --to-oci-layout) or verify it at the registry (cosign verify, notation verify).");
        }
    }
}
