using Shipshape.Core.Model;

namespace Shipshape.Rules.Iam;

/// <summary>
/// SHP-IAM-056: a Role or ClusterRole lets its subjects give themselves more permissions: the bind, escalate or
/// impersonate verbs, or writing roles and role bindings.
/// </summary>
public sealed class RbacEscalationRule : IRule
{
    private static readonly string[] EscalationVerbs = ["bind", "escalate", "impersonate"];
    private static readonly string[] RbacResources = ["roles", "clusterroles", "rolebindings", "clusterrolebindings"];
    private static readonly string[] WriteVerbs = ["create", "update", "patch"];

    public string Id => "SHP-IAM-056";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var role in RbacGrants.Roles(model))
        {
            var found = false;
            foreach (var rule in role.Rules)
            {
                if (RbacGrants.Verb(rule, EscalationVerbs) is { } verb)
                {
                    found = true;
                    yield return RuleText.Hit(role, verb,
                        $"{role.Kind} '{role.Address}' grants the '{verb.Current}' verb, which lets its subjects obtain permissions they do not have.");
                }
                else if (RbacGrants.Grant(rule, RbacResources, WriteVerbs) is { } grant)
                {
                    found = true;
                    yield return RuleText.Hit(role, grant.Resource,
                        $"{role.Kind} '{role.Address}' can {string.Join('/', grant.Verbs)} {grant.Resource.Current}, so its subjects can grant themselves any permission.");
                }
            }

            if (!found && RbacGrants.CoveredByWildcard(role, Id, [.. EscalationVerbs, .. WriteVerbs], "roles and role bindings") is { } covered)
            {
                yield return covered;
            }
        }
    }
}
