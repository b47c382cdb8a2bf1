using Shipshape.Core.Model;
using Shipshape.Iam.Analysis;

namespace Shipshape.Rules.Iam;

/// <summary>
/// SHP-IAM-116: a workload runs with administrator permissions (AdministratorAccess or an Action/Resource "*"
/// policy): an ECS task or execution role, or the role an EKS pod gets through IRSA or Pod Identity.
/// </summary>
public sealed class AdminOnTaskRoleRule : IRule
{
    public string Id => "SHP-IAM-116";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var workload in model.OfType<Workload>())
        {
            foreach (var (arn, kind, at, owner) in WorkloadRoles.Of(model, workload))
            {
                if (IamPolicies.RoleOf(model, arn, owner) is { } role
                    && IamPolicies.Effective(model, role).Any(d => d.Statements.Any(StatementFacts.IsFullAdmin)))
                {
                    yield return RuleText.Hit(workload, at,
                        $"{RuleText.DescribeCapitalised(workload)} runs with administrator permissions: its {kind} '{role.Address}' allows every action on every resource.");
                }
            }
        }
    }
}
