using Shipshape.Core.Model;

namespace Shipshape.Rules.Iam;

/// <summary>SHP-IAM-002: an ECS task definition uses the same role as task role and execution role.</summary>
public sealed class TaskRoleIsExecutionRoleRule : IRule
{
    public string Id => "SHP-IAM-002";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var task in model.OfType<TaskDefinition>())
        {
            var taskRole = task.TaskRoleArn;
            var executionRole = task.ExecutionRoleArn;
            if (taskRole.IsKnown && executionRole.IsKnown
                && !string.IsNullOrWhiteSpace(taskRole.Current)
                && string.Equals(taskRole.Current, executionRole.Current, StringComparison.Ordinal))
            {
                yield return RuleText.Hit(task, taskRole,
                    $"{RuleText.DescribeCapitalised(task)} uses the same role as task role and execution role ('{taskRole.Current}').");
            }
            else if (taskRole.Reference is { } target && target == executionRole.Reference
                && taskRole.ReferenceAttribute == executionRole.ReferenceAttribute)
            {
                // Both link to the same role resource (CloudFormation GetAtt, a Terraform reference): same role, known before deployment.
                yield return RuleText.Hit(task, taskRole,
                    $"{RuleText.DescribeCapitalised(task)} uses the same role ('{target}') as task role and execution role.");
            }
        }
    }
}
