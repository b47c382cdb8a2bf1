using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-100: the image a Dockerfile builds runs as root: its final stage's last USER is root, or no USER is set.</summary>
public sealed class DockerfileRootUserRule : IRule
{
    public string Id => "SHP-CTR-100";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var stage in model.OfType<DockerfileStage>().Where(s => s.IsFinal))
        {
            var user = stage.User;
            if (!user.IsKnown)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(user.Current))
            {
                // Distroless ":nonroot" tags set a non-root user in the image itself.
                if (stage.BaseImage.IsKnown && ImageReference.TryParse(stage.BaseImage.Current, out var image)
                    && image.Tag?.Contains("nonroot", StringComparison.OrdinalIgnoreCase) == true)
                {
                    continue;
                }

                yield return RuleText.Hit(stage, user,
                    $"{RuleText.DescribeCapitalised(stage)} sets no USER, so the image runs as root unless its base image '{stage.BaseImage.Current}' sets another user.");
            }
            else if (RootUserRule.IsRoot(user.Current))
            {
                yield return RuleText.Hit(stage, user,
                    $"{RuleText.DescribeCapitalised(stage)} ends with USER '{user.Current}', so the image runs as root.");
            }
        }
    }
}
