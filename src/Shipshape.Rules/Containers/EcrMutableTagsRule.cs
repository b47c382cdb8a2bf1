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
            if (repo.TagMutability is { IsKnown: true } mutability && string.Equals(mutability.Current, "MUTABLE", StringComparison.OrdinalIgnoreCase))
            {
                yield return RuleText.Hit(repo, repo.TagMutability, repo.TagMutability.IsExplicit
                    ? $"ECR repository '{repo.Address}' has mutable image tags (imageTagMutability MUTABLE)."
                    : $"ECR repository '{repo.Address}' does not set imageTagMutability, so tags are mutable (the default).");
            }
        }
    }
}
