using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-002: a container runs as root, explicitly or by leaving the user to the image; for a Dockerfile, the
/// image it builds runs as root (the final stage's last USER is root, or no USER is set).
/// </summary>
public sealed class RootUserRule : IRule
{
    public string Id => "SHP-CTR-002";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (workload, container) in RuleText.Containers(model))
        {
            // Recognised log routers and monitoring agents need root to read host or task data; see the rationale.
            if (container.Role != ContainerRole.Application || !container.User.IsKnown)
            {
                continue;
            }

            var user = container.User.Current?.Trim();
            var field = RuleText.FieldName(container.User.Path);
            if (string.IsNullOrEmpty(user))
            {
                // Kubernetes runAsNonRoot: the kubelet refuses to start the container if the image's user is root.
                if (container.RunAsNonRoot is { IsKnown: true, Current: true })
                {
                    continue;
                }

                yield return RuleText.Hit(workload, container.User, container.RunAsNonRoot is null
                    ? $"{RuleText.Describe(container, workload)} does not set {field}, so it runs as the image's user, which is root unless the image sets another."
                    : $"{RuleText.Describe(container, workload)} sets neither {field} nor runAsNonRoot, so it runs as the image's user, which is root unless the image sets another.");
            }
            else if (IsRoot(user))
            {
                yield return RuleText.Hit(workload, container.User,
                    $"{RuleText.Describe(container, workload)} sets {field} to '{user}', which is root.");
            }
        }

        foreach (var hit in Dockerfiles(model))
        {
            yield return hit;
        }

        // An image whose config could not be read has no known user: not reported (the reader said what it could not check).
        foreach (var image in model.OfType<ContainerImage>().Where(i => i.User.IsKnown))
        {
            if (string.IsNullOrWhiteSpace(image.User.Current))
            {
                yield return RuleText.Hit(image, image.User, $"{RuleText.Describe(image)} sets no User in its config, so it runs as root.");
            }
            else if (IsRoot(image.User.Current))
            {
                yield return RuleText.Hit(image, image.User, $"{RuleText.Describe(image)} runs as User '{image.User.Current}', which is root.");
            }
        }
    }

    /// <summary>The final stage of each Dockerfile: the image <c>docker build</c> produces by default.</summary>
    private static IEnumerable<RuleHit> Dockerfiles(ModelSet model)
    {
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
            else if (IsRoot(user.Current))
            {
                yield return RuleText.Hit(stage, user,
                    $"{RuleText.DescribeCapitalised(stage)} ends with USER '{user.Current}', so the image runs as root.");
            }
        }
    }

    /// <summary>"0", "root", or either with any group ("0:0", "root:root", "0:1000").</summary>
    public static bool IsRoot(string user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var colon = user.IndexOf(':', StringComparison.Ordinal);
        var name = (colon < 0 ? user : user[..colon]).Trim();
        return string.Equals(name, "0", StringComparison.Ordinal) || string.Equals(name, "root", StringComparison.Ordinal);
    }
}
