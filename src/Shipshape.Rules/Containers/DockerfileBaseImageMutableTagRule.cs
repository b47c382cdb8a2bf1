using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-101: a Dockerfile stage builds FROM an image tagged "latest" or not tagged at all, and not pinned by digest.</summary>
public sealed class DockerfileBaseImageMutableTagRule : IRule
{
    public string Id => "SHP-CTR-101";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
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
