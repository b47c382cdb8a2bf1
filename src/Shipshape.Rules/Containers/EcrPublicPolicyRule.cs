using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-033: an ECR repository policy allows every principal ("*") without a condition.</summary>
public sealed class EcrPublicPolicyRule : IRule
{
    public string Id => "SHP-CTR-033";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        var policies = model.OfType<EcrRepository>().Select(r => ((Resource)r, r.RepositoryPolicy, "ECR repository"))
            .Concat(model.OfType<EcrRepositoryPolicy>().Select(p => ((Resource)p, p.Policy, "ECR repository policy")));
        foreach (var (repo, policy, what) in policies)
        {
            foreach (var statement in policy?.Statements ?? [])
            {
                if (statement.Effect is not { IsKnown: true } effect
                    || !string.Equals(effect.Current, "Allow", StringComparison.OrdinalIgnoreCase)
                    || statement.Conditions.Any(Restricts))
                {
                    continue;
                }

                if (statement.Principals.FirstOrDefault(p => p.IsKnown && p.Current is "*" or "AWS:*") is { } principal)
                {
                    yield return RuleText.Hit(repo, principal,
                        $"{what} '{repo.Address}' allows everyone (Principal \"*\") without a condition.");
                }
            }
        }
    }

    /// <summary>
    /// Whether a condition narrows who is allowed. A ForAllValues condition on a key the request does not carry
    /// (aws:username on a single-valued key, any key of an anonymous request) is true, so it narrows nothing
    /// (IAM: "Single-valued vs. multivalued context keys").
    /// </summary>
    private static bool Restricts(PolicyCondition condition) =>
        !condition.Operator.StartsWith("ForAllValues:", StringComparison.OrdinalIgnoreCase);
}
