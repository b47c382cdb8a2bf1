using Shipshape.Core.Model;
using Shipshape.Iam.Analysis;

namespace Shipshape.Rules.Iam;

/// <summary>SHP-IAM-100: a policy allows every action on every resource, or a principal has AdministratorAccess attached.</summary>
public sealed class FullAdminPolicyRule : IRule
{
    public string Id => "SHP-IAM-100";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (holder, statement) in IamPolicies.AllowStatements(model).Where(x => StatementFacts.IsFullAdmin(x.Statement)))
        {
            yield return IamPolicies.Hit(holder, statement,
                $"{IamPolicies.DescribeCapitalised(holder.Owner)} allows every action on every resource (\"Action\": \"*\", \"Resource\": \"*\"): full administrator access.");
        }

        foreach (var resource in model.Resources)
        {
            var managed = resource switch { IamRole r => r.ManagedPolicies, IamPrincipal p => p.ManagedPolicies, _ => [] };
            foreach (var arn in managed.Where(IamPolicies.IsAdministratorAccess))
            {
                yield return RuleText.Hit(resource, arn, $"{IamPolicies.DescribeCapitalised(resource)} has the AWS managed policy AdministratorAccess attached: full administrator access.");
            }
        }
    }
}
