using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-032: an ECR repository has no lifecycle policy.</summary>
public sealed class EcrNoLifecyclePolicyRule : IRule
{
    public string Id => "SHP-CTR-032";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var repo in model.OfType<EcrRepository>())
        {
            if (repo.HasLifecyclePolicy is { IsKnown: true, Current: false })
            {
                yield return RuleText.Hit(repo, repo.HasLifecyclePolicy, $"ECR repository '{repo.Address}' has no lifecycle policy.");
            }
        }
    }
}
