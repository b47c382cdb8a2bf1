using Shipshape.Core.Model;
using Shipshape.Iam.Analysis;

namespace Shipshape.Rules.Iam;

/// <summary>SHP-IAM-119: a trust policy trusts a whole account (its root or ID) with no condition.</summary>
public sealed class AccountTrustWithoutConditionRule : IRule
{
    public string Id => "SHP-IAM-119";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var holder in IamPolicies.TrustDocuments(model))
        {
            foreach (var statement in holder.Document.Statements.Where(s => StatementFacts.IsAllow(s) && s.Conditions.IsEmpty))
            {
                foreach (var principal in statement.Principals.Where(p => p.IsKnown && IsAccount(p.Current)))
                {
                    yield return RuleText.Hit(holder.Owner, principal,
                        $"{IamPolicies.DescribeCapitalised(holder.Owner)} trusts every principal of account {Account(principal.Current)} that may call sts:AssumeRole, with no condition (external ID, MFA, principal ARN).");
                }
            }
        }
    }

    private static string Account(string principal) => principal.EndsWith(":root", StringComparison.Ordinal) ? principal.Split(':')[5] : principal[4..];

    private static bool IsAccount(string principal) =>
        principal.StartsWith("AWS:", StringComparison.Ordinal)
        && (principal.EndsWith(":root", StringComparison.Ordinal) || (principal.Length == 16 && principal[4..].All(char.IsAsciiDigit)));
}
