using Shipshape.Core.Model;
using Shipshape.Iam.Analysis;

namespace Shipshape.Rules.Iam;

/// <summary>SHP-IAM-116: a task definition's task or execution role has administrator permissions (AdministratorAccess or an Action/Resource "*" policy).</summary>
public sealed class AdminOnTaskRoleRule : IRule
{
    public string Id => "SHP-IAM-116";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var task in model.OfType<TaskDefinition>())
        {
            foreach (var (value, kind) in new[] { (task.TaskRoleArn, "task role"), (task.ExecutionRoleArn, "execution role") })
            {
                if (IamPolicies.RoleOf(model, value, task) is { } role
                    && IamPolicies.Effective(model, role).Any(d => d.Statements.Any(StatementFacts.IsFullAdmin)))
                {
                    yield return RuleText.Hit(task, value,
                        $"{RuleText.DescribeCapitalised(task)} runs with administrator permissions: its {kind} '{role.Address}' allows every action on every resource.");
                }
            }
        }
    }
}
