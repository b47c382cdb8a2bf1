using Shipshape.Core.Model;
using Shipshape.Iam.Analysis;

namespace Shipshape.Rules.Iam;

/// <summary>SHP-IAM-115: one role is trusted by both ecs-tasks.amazonaws.com and ec2.amazonaws.com: a task role doubling as the instance role.</summary>
public sealed class TaskAndInstanceTrustRule : IRule
{
    public string Id => "SHP-IAM-115";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var holder in IamPolicies.TrustDocuments(model))
        {
            var services = holder.Document.Statements.Where(StatementFacts.IsAllow).SelectMany(s => s.Principals).Where(p => p.IsKnown).ToList();
            var ecs = services.FirstOrDefault(p => string.Equals(p.Current, "Service:ecs-tasks.amazonaws.com", StringComparison.OrdinalIgnoreCase));
            var ec2 = services.FirstOrDefault(p => string.Equals(p.Current, "Service:ec2.amazonaws.com", StringComparison.OrdinalIgnoreCase));
            if (ecs is not null && ec2 is not null)
            {
                yield return RuleText.Hit(holder.Owner, ec2,
                    $"{IamPolicies.DescribeCapitalised(holder.Owner)} is trusted by both ecs-tasks.amazonaws.com and ec2.amazonaws.com: the task role doubles as the container instance role, so every task on the host and the host itself share its permissions.");
            }
        }
    }
}
