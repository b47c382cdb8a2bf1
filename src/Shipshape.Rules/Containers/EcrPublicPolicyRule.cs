using Shipshape.Core.Model;
using Shipshape.Rules.Iam;

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
            foreach (var principal in PublicStatements.Principals(policy))
            {
                yield return RuleText.Hit(repo, principal,
                    $"{what} '{repo.Address}' allows everyone (Principal \"*\") without a condition.");
            }
        }
    }
}
