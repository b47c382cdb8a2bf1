using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-033: an ECR repository policy allows every principal ("*") without a condition.</summary>
public sealed class EcrPublicPolicyRule : IRule
{
    public string Id => "SHP-CTR-033";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var repo in model.OfType<EcrRepository>())
        {
            foreach (var statement in repo.RepositoryPolicy?.Statements ?? [])
            {
                if (statement.Effect is not { IsKnown: true } effect
                    || !string.Equals(effect.Current, "Allow", StringComparison.OrdinalIgnoreCase)
                    || !statement.Conditions.IsEmpty)
                {
                    continue;
                }

                if (statement.Principals.FirstOrDefault(p => p.IsKnown && p.Current is "*" or "AWS:*") is { } principal)
                {
                    yield return RuleText.Hit(repo, principal,
                        $"ECR repository '{repo.Address}' has a repository policy that allows everyone (Principal \"*\") without a condition.");
                }
            }
        }
    }
}
