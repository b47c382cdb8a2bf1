using Shipshape.Core.Model;
using Shipshape.Iam.Evaluation;

namespace Shipshape.Rules.Iam;

/// <summary>
/// SHP-IAM-118: an execution role can read secrets beyond those its task definitions reference: the engine allows
/// secretsmanager:GetSecretValue or ssm:GetParameters on a secret nobody named.
/// </summary>
public sealed class ExecutionRoleSecretsRule : IRule
{
    private static readonly string[] ReadActions = ["secretsmanager:GetSecretValue", "ssm:GetParameters", "ssm:GetParameter"];

    public string Id => "SHP-IAM-118";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(context);
        var roles = model.OfType<TaskDefinition>()
            .Select(t => (Task: t, Role: IamPolicies.RoleOf(model, t.ExecutionRoleArn)))
            .Where(x => x.Role is not null)
            .GroupBy(x => x.Role!);
        PolicyEvaluator? evaluator = null;
        foreach (var group in roles)
        {
            var documents = IamPolicies.Effective(model, group.Key);
            if (documents.IsEmpty)
            {
                continue;
            }

            evaluator ??= new PolicyEvaluator(context.IamCatalog.Value);
            var set = new PolicySet { Identity = documents };
            var broad = ReadActions.Where(a => evaluator.Evaluate(set, new RequestContext(a, null)).IsAllowed).ToList();
            if (broad.Count > 0)
            {
                var tasks = string.Join(", ", group.Select(x => RuleText.Describe(x.Task)).Distinct());
                yield return new RuleHit(group.Key, group.Key.Span, null,
                    $"Execution role '{group.Key.Address}' of {tasks} can read secrets its task definitions do not reference ({string.Join(", ", broad)} on every secret); scope it to the secrets' ARNs.");
            }
        }
    }
}
