using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-102: a Dockerfile stage builds FROM an image outside the trusted registries (Amazon ECR by default).</summary>
public sealed class DockerfileBaseImageUntrustedRegistryRule : IRule
{
    public string Id => "SHP-CTR-102";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (stage, image) in BaseImages.Of(model))
        {
            if (!TrustedRegistryMatcher.IsTrusted(image, context.TrustedRegistries))
            {
                var where = ImageTags.Registry(image);
                yield return RuleText.Hit(stage, stage.BaseImage,
                    $"{RuleText.DescribeCapitalised(stage)} builds FROM '{stage.BaseImage.Current}' from {where}, which is not a trusted registry.");
            }
        }
    }
}
