using Shipshape.Core.Model;
using Shipshape.Iam.Analysis;
using Shipshape.Iam.Matching;

namespace Shipshape.Rules.Iam;

/// <summary>SHP-IAM-125: a statement allows every IAM action ("iam:*", or "*") on every resource.</summary>
public sealed class FullIamAccessRule : IRule
{
    /// <summary>No real action has this name: a pattern that matches it matches every IAM action.</summary>
    private const string AnyIamAction = "iam:Zz9AnyAction";

    public string Id => "SHP-IAM-125";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (holder, statement) in IamPolicies.AllowStatements(model))
        {
            if (!statement.NotActions.IsEmpty || !statement.NotResources.IsEmpty || statement.Conditions.Any(StatementFacts.ScopesResources)
                || !statement.Resources.Any(r => r.IsKnown && r.Current == "*"))
            {
                continue;
            }

            if (statement.Actions.FirstOrDefault(a => a.IsKnown && Wildcard.Matches(a.Current, AnyIamAction, ignoreCase: true)) is { } action)
            {
                yield return IamPolicies.Hit(holder, statement,
                    $"{IamPolicies.DescribeCapitalised(holder.Owner)} allows every IAM action (\"{action.Current}\") on every resource, enough to grant itself any permission.");
            }
        }
    }
}
