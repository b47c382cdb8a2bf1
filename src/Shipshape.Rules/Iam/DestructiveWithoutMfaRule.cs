using Shipshape.Core.Model;
using Shipshape.Iam.Analysis;
using Shipshape.Iam.Evaluation;

namespace Shipshape.Rules.Iam;

/// <summary>
/// SHP-IAM-107: a policy for people (users, groups, roles that AWS principals assume, standalone policies) allows a
/// destructive action to a caller without MFA; asked of the engine, so a Deny with BoolIfExists counts as a guard.
/// </summary>
public sealed class DestructiveWithoutMfaRule : IRule
{
    public string Id => "SHP-IAM-107";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(context);
        var holders = IamPolicies.IdentityDocuments(model).Where(h => ForPeople(model, h.Owner)).ToList();
        if (holders.Count == 0)
        {
            yield break;
        }

        var evaluator = new PolicyEvaluator(context.IamCatalog.Value);
        var destructive = DestructiveActions.In(evaluator.Catalog);
        foreach (var holder in holders)
        {
            // A Deny in another policy of the same principals (a shared "require MFA" policy) guards this one too.
            var denies = Principals(model, holder.Owner)
                .SelectMany(p => IamPolicies.Effective(model, p))
                .Where(d => !ReferenceEquals(d, holder.Document))
                .Select(d => d with { Statements = [.. d.Statements.Where(StatementFacts.IsDeny)] })
                .Where(d => !d.Statements.IsEmpty);
            var set = new PolicySet { Identity = [holder.Document, .. denies] };
            var allowed = new List<string>();
            PolicyStatement? first = null;
            foreach (var action in destructive)
            {
                // Long-term keys carry no MFA key at all; console sessions without MFA carry "false".
                var request = new RequestContext(action.FullName, null) { AnyNamedResource = true };
                var absent = evaluator.Evaluate(set, request);
                var without = absent.IsAllowed ? absent : evaluator.Evaluate(set, request.With("aws:MultiFactorAuthPresent", "false"));
                if (without.IsAllowed)
                {
                    allowed.Add(action.FullName);
                    first ??= without.Statement;
                }
            }

            if (first is not null)
            {
                yield return IamPolicies.Hit(holder, first,
                    $"{IamPolicies.DescribeCapitalised(holder.Owner)} allows destructive actions without MFA (no aws:MultiFactorAuthPresent condition, nor a Deny with BoolIfExists): {IamPolicies.Sample(allowed)}.");
            }
        }
    }

    private static IEnumerable<Resource> Principals(ModelSet model, Resource owner) => owner is IamPolicy policy
        ? model.Resources.Where(r => r is IamRole or IamPrincipal && IamPolicies.AttachedTo(policy, r))
        : [owner];

    // Service roles cannot present MFA: the rule is for people's permissions.
    private static bool ForPeople(ModelSet model, Resource owner) => owner switch
    {
        IamPrincipal p => p.PrincipalType is "User" or "Group",
        IamRole role => AssumedByPeople(role),
        IamPolicy policy => (policy.Roles.IsEmpty && policy.Users.IsEmpty && policy.Groups.IsEmpty)
            || !policy.Users.IsEmpty || !policy.Groups.IsEmpty
            || model.OfType<IamRole>().Any(r => IamPolicies.AttachedTo(policy, r) && AssumedByPeople(r)),
        _ => false,
    };

    private static bool AssumedByPeople(IamRole role) =>
        role.TrustPolicy?.Statements.Any(s => s.Principals.Any(p => p.IsKnown && (p.Current == "*" || p.Current.StartsWith("AWS:", StringComparison.Ordinal) || p.Current.StartsWith("Federated:", StringComparison.Ordinal)))) == true;
}
