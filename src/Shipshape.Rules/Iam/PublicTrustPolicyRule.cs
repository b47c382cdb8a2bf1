using Shipshape.Core.Model;
using Shipshape.Iam.Analysis;

namespace Shipshape.Rules.Iam;

/// <summary>SHP-IAM-113: a role's trust policy lets any AWS principal ("*") assume it, with no condition.</summary>
public sealed class PublicTrustPolicyRule : IRule
{
    public string Id => "SHP-IAM-113";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var holder in IamPolicies.TrustDocuments(model))
        {
            foreach (var statement in holder.Document.Statements.Where(s => StatementFacts.IsAllow(s) && s.Conditions.IsEmpty))
            {
                if (statement.Principals.Any(p => p.IsKnown && p.Current is "*" or "AWS:*"))
                {
                    yield return IamPolicies.Hit(holder, statement,
                        $"{IamPolicies.DescribeCapitalised(holder.Owner)} can be assumed by any AWS principal of any account (Principal \"*\") without a condition.");
                }
            }
        }
    }
}
