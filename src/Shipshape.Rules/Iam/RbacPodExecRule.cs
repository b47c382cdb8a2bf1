using Shipshape.Core.Model;

namespace Shipshape.Rules.Iam;

/// <summary>SHP-IAM-055: a Role or ClusterRole lets its subjects run commands in, or attach to, running containers (pods/exec, pods/attach).</summary>
public sealed class RbacPodExecRule : IRule
{
    private static readonly string[] Resources = ["pods/exec", "pods/attach"];

    // The API server authorises exec and attach as "create" (WebSocket clients before 1.30 also as "get").
    private static readonly string[] Verbs = ["create", "get"];

    public string Id => "SHP-IAM-055";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var role in RbacGrants.Roles(model))
        {
            var found = false;
            foreach (var rule in role.Rules)
            {
                if (RbacGrants.Grant(rule, Resources, Verbs) is { } grant)
                {
                    found = true;
                    yield return RuleText.Hit(role, grant.Resource,
                        $"{role.Kind} '{role.Address}' grants {string.Join('/', grant.Verbs)} on {grant.Resource.Current}: its subjects can run commands in any pod they reach, with that pod's service account and secrets.");
                }
            }

            if (!found && RbacGrants.CoveredByWildcard(role, Id, Verbs, "pods/exec and pods/attach") is { } covered)
            {
                yield return covered;
            }
        }
    }
}
