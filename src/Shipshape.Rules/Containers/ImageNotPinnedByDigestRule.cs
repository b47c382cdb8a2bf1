using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-008: an image is not pinned by digest: a container's image, or the base image a Dockerfile stage builds FROM.</summary>
public sealed class ImageNotPinnedByDigestRule : IRule
{
    public string Id => "SHP-CTR-008";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (workload, container) in RuleText.Containers(model))
        {
            if (!container.Image.IsKnown)
            {
                yield return RuleHit.Undecidable(workload, container.Image,
                    $"{RuleText.Describe(container, workload)} takes its image from a value that is not known here, so whether it is pinned by digest cannot be checked.");
                continue;
            }

            if (ImageReference.TryParse(container.Image.Current, out var image) && image.Digest is null)
            {
                yield return RuleText.Hit(workload, container.Image,
                    $"{RuleText.Describe(container, workload)} uses image '{container.Image.Current}', which is not pinned by digest (@sha256:…).");
            }
        }

        foreach (var (stage, image) in BaseImages.Of(model))
        {
            if (image.Digest is null)
            {
                yield return RuleText.Hit(stage, stage.BaseImage,
                    $"{RuleText.DescribeCapitalised(stage)} builds FROM '{stage.BaseImage.Current}', which is not pinned by digest (FROM image:tag@sha256:…).");
            }
        }
    }
}
