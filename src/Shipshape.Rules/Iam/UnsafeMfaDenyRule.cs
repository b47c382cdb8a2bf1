using Shipshape.Core.Model;
using Shipshape.Iam.Analysis;

namespace Shipshape.Rules.Iam;

/// <summary>SHP-IAM-108: a Deny guards with Bool aws:MultiFactorAuthPresent "false", which long-term access keys skip.</summary>
public sealed class UnsafeMfaDenyRule : IRule
{
    public string Id => "SHP-IAM-108";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var holder in IamPolicies.IdentityDocuments(model))
        {
            foreach (var statement in holder.Document.Statements.Where(StatementFacts.IsDeny))
            {
                foreach (var condition in statement.Conditions.Where(c => c.Operator == "Bool"
                    && string.Equals(c.Key, "aws:MultiFactorAuthPresent", StringComparison.OrdinalIgnoreCase)
                    && c.Values.Any(v => string.Equals(v.Current, "false", StringComparison.OrdinalIgnoreCase))))
                {
                    yield return IamPolicies.Hit(holder.Owner, condition.Span, statement.Path + ".Condition",
                        $"{IamPolicies.DescribeCapitalised(holder.Owner)} denies with Bool aws:MultiFactorAuthPresent \"false\": requests with long-term access keys carry no such key and are not denied; use BoolIfExists.");
                }
            }
        }
    }
}
