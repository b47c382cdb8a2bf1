using Shipshape.Core.Model;
using Shipshape.Iam.Analysis;
using Shipshape.Iam.Evaluation;

namespace Shipshape.Rules.Iam;

/// <summary>SHP-IAM-112: iam:PassRole is allowed on every role (Resource "*" or a role/* pattern); full admin is SHP-IAM-100's.</summary>
public sealed class PassRoleOnAllRolesRule : IRule
{
    public string Id => "SHP-IAM-112";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(context);
        PolicyEvaluator? evaluator = null;
        foreach (var (holder, statement) in IamPolicies.AllowStatements(model).Where(x => !StatementFacts.IsFullAdmin(x.Statement)))
        {
            evaluator ??= new PolicyEvaluator(context.IamCatalog.Value);
            var request = new RequestContext("iam:PassRole", null);
            var passes = statement.Actions.Any(a => a.IsKnown && Shipshape.Iam.Matching.Wildcard.Matches(a.Current, "iam:PassRole", ignoreCase: true));
            if (passes && statement.Resources.Any(r => r.IsKnown && evaluator.IsUnscoped(r.Current, request.Action)))
            {
                yield return IamPolicies.Hit(holder, statement,
                    $"{IamPolicies.DescribeCapitalised(holder.Owner)} allows iam:PassRole on every role: whoever holds it can hand any role, up to an administrator role, to a service it controls.");
            }
        }
    }
}
