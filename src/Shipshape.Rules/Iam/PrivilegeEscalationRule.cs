using System.Collections.Immutable;
using Shipshape.Core.Model;
using Shipshape.Iam.Analysis;
using Shipshape.Iam.Evaluation;

namespace Shipshape.Rules.Iam;

/// <summary>
/// SHP-IAM-109: a role, user, group or unattached policy allows a known privilege-escalation path; each step is asked of
/// the engine on an arbitrary resource, so resource scoping and conditions (iam:PassedToService, source IP, …) count.
/// Principals with full admin are SHP-IAM-100's.
/// </summary>
public sealed class PrivilegeEscalationRule : IRule
{
    public string Id => "SHP-IAM-109";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(context);
        var subjects = new List<(Resource Owner, ImmutableArray<PolicyDocument> Documents)>();
        foreach (var resource in model.Resources)
        {
            switch (resource)
            {
                case IamRole or IamPrincipal { PrincipalType: "User" or "Group" }:
                    subjects.Add((resource, IamPolicies.Effective(model, resource)));
                    break;
                case IamPolicy { Document: { } document } policy
                    when !IamPolicies.IsAwsManaged(policy.Address) && !model.Resources.Any(r => r is IamRole or IamPrincipal && IamPolicies.AttachedTo(policy, r)):
                    subjects.Add((resource, [document]));
                    break;
            }
        }

        PolicyEvaluator? evaluator = null;
        foreach (var (owner, documents) in subjects)
        {
            if (documents.IsEmpty || documents.Any(d => d.Statements.Any(StatementFacts.IsFullAdmin)))
            {
                continue;
            }

            evaluator ??= new PolicyEvaluator(context.IamCatalog.Value);
            var set = new PolicySet { Identity = documents };
            var paths = EscalationPath.Known.Where(p => p.Steps.All(step => Allowed(evaluator, set, step))).Select(p => p.Name).ToList();
            if (paths.Count > 0)
            {
                yield return new RuleHit(owner, owner.Span, null,
                    $"{IamPolicies.DescribeCapitalised(owner)} can escalate its privileges: {string.Join("; ", paths)}.");
            }
        }
    }

    private static bool Allowed(PolicyEvaluator evaluator, PolicySet set, EscalationStep step) =>
        step.Actions.Any(action =>
        {
            // A caller who has signed in with MFA: an attacker holding the session has it too.
            var request = new RequestContext(action, null).With("aws:MultiFactorAuthPresent", "true");
            if (step.PassedToService is { } service)
            {
                request = request.With("iam:PassedToService", service);
            }

            return evaluator.Evaluate(set, request).IsAllowed;
        });
}
