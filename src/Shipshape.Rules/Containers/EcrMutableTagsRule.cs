using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-031: an ECR repository lets image tags be overwritten (MUTABLE).</summary>
public sealed class EcrMutableTagsRule : IRule
{
    public string Id => "SHP-CTR-031";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var repo in model.OfType<EcrRepository>())
        {
            if (!repo.TagMutability.IsKnown)
            {
                yield return RuleHit.Undecidable(repo, repo.TagMutability, $"ECR repository '{repo.Address}' takes its image tag mutability from a value that is not known here.");
            }
            else if (string.Equals(repo.TagMutability.Current, "MUTABLE", StringComparison.OrdinalIgnoreCase))
            {
                yield return RuleText.Hit(repo, repo.TagMutability, repo.TagMutability.IsExplicit
                    ? $"ECR repository '{repo.Address}' has mutable image tags (imageTagMutability MUTABLE)."
                    : $"ECR repository '{repo.Address}' does not set imageTagMutability, so tags are mutable (the default).");
            }
        }
    }
}
