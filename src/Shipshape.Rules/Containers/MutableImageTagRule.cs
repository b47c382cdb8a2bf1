using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-007: an image is referenced by the "latest" tag or by no tag at all, and not by digest: a container's
/// image, or the base image a Dockerfile stage builds FROM.
/// </summary>
public sealed class MutableImageTagRule : IRule
{
    public string Id => "SHP-CTR-007";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (workload, container) in RuleText.Containers(model))
        {
            if (!container.Image.IsKnown)
            {
                yield return RuleHit.Undecidable(workload, container.Image,
                    $"{RuleText.Describe(container, workload)} takes its image from a value that is not known here, so its tag cannot be checked.");
                continue;
            }

            if (ImageReference.TryParse(container.Image.Current, out var image)
                && ImageTags.MutableTagProblem(image) is { } problem)
            {
                yield return RuleText.Hit(workload, container.Image,
                    $"{RuleText.Describe(container, workload)} uses image '{container.Image.Current}' {problem}.");
            }
        }

        foreach (var (stage, image) in BaseImages.Of(model))
        {
            if (ImageTags.MutableTagProblem(image) is { } problem)
            {
                yield return RuleText.Hit(stage, stage.BaseImage,
                    $"{RuleText.DescribeCapitalised(stage)} builds FROM '{stage.BaseImage.Current}' {problem}.");
            }
        }
    }
}
