using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-007: an image is referenced by the "latest" tag or by no tag at all, and not by digest.</summary>
public sealed class MutableImageTagRule : IRule
{
    public string Id => "SHP-CTR-007";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (workload, container) in RuleText.Containers(model))
        {
            if (!container.Image.IsKnown || !ImageReference.TryParse(container.Image.Current, out var image) || image.Digest is not null)
            {
                continue;
            }

            if (image.Tag is null)
            {
                yield return RuleText.Hit(workload, container.Image,
                    $"{RuleText.Describe(container, workload)} uses image '{container.Image.Current}' without a tag, so whatever 'latest' points to is pulled.");
            }
            else if (string.Equals(image.Tag, "latest", StringComparison.Ordinal))
            {
                yield return RuleText.Hit(workload, container.Image,
                    $"{RuleText.Describe(container, workload)} uses image '{container.Image.Current}' with the mutable tag 'latest'.");
            }
        }
    }
}
