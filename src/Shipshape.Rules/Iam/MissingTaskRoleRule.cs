using Shipshape.Core.Model;

namespace Shipshape.Rules.Iam;

/// <summary>SHP-IAM-001: an ECS task definition has no task role.</summary>
public sealed class MissingTaskRoleRule : IRule
{
    public string Id => "SHP-IAM-001";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var task in model.OfType<TaskDefinition>())
        {
            if (task.TaskRoleArn.IsKnown && string.IsNullOrWhiteSpace(task.TaskRoleArn.Current))
            {
                yield return RuleText.Hit(task, task.TaskRoleArn,
                    $"{RuleText.DescribeCapitalised(task)} has no task role ({RuleText.FieldName(task.TaskRoleArn.Path)}), so its containers get no AWS identity of their own.");
            }
        }
    }
}
