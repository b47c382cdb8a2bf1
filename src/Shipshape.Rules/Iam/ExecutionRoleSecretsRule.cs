using Shipshape.Core.Model;
using Shipshape.Iam.Analysis;
using Shipshape.Iam.Evaluation;
using Shipshape.Iam.Matching;

namespace Shipshape.Rules.Iam;

/// <summary>
/// SHP-IAM-118: an execution role can read secrets beyond those its task definitions reference: the engine allows
/// secretsmanager:GetSecretValue or ssm:GetParameters on a secret nobody named, or a statement grants them on ARNs
/// that match none of the referenced secrets.
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
            .Select(t => (Task: t, Role: IamPolicies.RoleOf(model, t.ExecutionRoleArn, t)))
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
            var tasks = string.Join(", ", group.Select(x => RuleText.Describe(x.Task)).Distinct());
            var set = new PolicySet { Identity = documents };
            var broad = ReadActions.Where(a => evaluator.Evaluate(set, new RequestContext(a, null)).IsAllowed).ToList();
            if (broad.Count > 0)
            {
                yield return new RuleHit(group.Key, group.Key.Span, null,
                    $"Execution role '{group.Key.Address}' of {tasks} can read secrets its task definitions do not reference ({string.Join(", ", broad)} on every secret); scope it to the secrets' ARNs.");
                continue;
            }

            var referenced = group.SelectMany(x => x.Task.Containers).SelectMany(c => c.Secrets)
                .Where(s => s.ValueFrom.IsKnown && s.ValueFrom.Current is not null).Select(s => SecretArn(s.ValueFrom.Current!)).ToList();
            if (referenced.Count == 0 || group.SelectMany(x => x.Task.Containers).SelectMany(c => c.Secrets).Any(s => !s.ValueFrom.IsKnown))
            {
                // Unknown references: the rule cannot tell which secrets are extra.
                continue;
            }

            var extra = documents.SelectMany(d => d.Statements).Where(StatementFacts.IsAllow)
                .Where(s => s.Actions.Any(a => a.IsKnown && ReadActions.Any(r => Wildcard.Matches(a.Current, r, ignoreCase: true))))
                .SelectMany(s => s.Resources)
                .Where(r => r.IsKnown && !referenced.Any(arn => Wildcard.Matches(r.Current, arn, ignoreCase: false)))
                .ToList();
            foreach (var resource in extra)
            {
                yield return RuleText.Hit(group.Key, resource,
                    $"Execution role '{group.Key.Address}' of {tasks} can read '{resource.Current}', which none of its task definitions' secrets reference.");
            }
        }
    }

    // valueFrom may name a JSON key, version stage and version of a Secrets Manager secret after its ARN.
    private static string SecretArn(string valueFrom)
    {
        var parts = valueFrom.Split(':');
        return parts.Length > 7 && parts[2] == "secretsmanager" ? string.Join(':', parts[..7]) : valueFrom;
    }
}
