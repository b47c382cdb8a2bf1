using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-006: an image comes from a registry outside the trusted list (Amazon ECR by default): a container's
/// image, or the base image a Dockerfile stage builds FROM.
/// </summary>
public sealed class UntrustedRegistryRule : IRule
{
    public string Id => "SHP-CTR-006";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (workload, container) in RuleText.Containers(model))
        {
            if (!container.Image.IsKnown || !ImageReference.TryParse(container.Image.Current, out var image))
            {
                continue;
            }

            if (!TrustedRegistryMatcher.IsTrusted(image, context.TrustedRegistries))
            {
                var where = ImageTags.Registry(image);
                yield return RuleText.Hit(workload, container.Image,
                    $"{RuleText.Describe(container, workload)} uses image '{container.Image.Current}' from {where}, which is not a trusted registry.");
            }
        }

        foreach (var (stage, image) in BaseImages.Of(model))
        {
            if (!TrustedRegistryMatcher.IsTrusted(image, context.TrustedRegistries))
            {
                yield return RuleText.Hit(stage, stage.BaseImage,
                    $"{RuleText.DescribeCapitalised(stage)} builds FROM '{stage.BaseImage.Current}' from {ImageTags.Registry(image)}, which is not a trusted registry.");
            }
        }

        // An image archive names where it was pulled from or is pushed to; without a name its registry is unknown.
        foreach (var image in model.OfType<ContainerImage>())
        {
            foreach (var tag in image.Tags)
            {
                if (ImageReference.TryParse(tag.Current, out var reference) && !TrustedRegistryMatcher.IsTrusted(reference, context.TrustedRegistries))
                {
                    yield return RuleText.Hit(image, tag, $"{RuleText.Describe(image)} is named '{tag.Current}', from {ImageTags.Registry(reference)}, which is not a trusted registry.");
                }
            }
        }
    }
}
