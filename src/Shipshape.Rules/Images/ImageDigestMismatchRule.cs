using Shipshape.Core.Model;

namespace Shipshape.Rules.Images;

/// <summary>SHP-CTR-041: a blob of an image archive or layout is not the content its digest names: damaged or tampered with.</summary>
public sealed class ImageDigestMismatchRule : IRule
{
    public string Id => "SHP-CTR-041";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var image in model.OfType<ContainerImage>())
        {
            foreach (var mismatch in image.DigestMismatches)
            {
                yield return new RuleHit(image, mismatch.Span, mismatch.Blob,
                    $"{RuleText.Describe(image)}: blob {mismatch.Blob} has SHA-256 {mismatch.Actual}, but {mismatch.ExpectedBy} says {mismatch.Expected}; its content is not what the manifest names.",
                    mismatch.Blob + "\0" + mismatch.ExpectedBy);
            }
        }
    }
}
