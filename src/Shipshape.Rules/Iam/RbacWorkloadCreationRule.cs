using Shipshape.Core.Model;

namespace Shipshape.Rules.Iam;

/// <summary>
/// SHP-IAM-057: a Role or ClusterRole can create pods or the controllers that create them; whoever creates a pod
/// can mount any Secret and run as any service account of the namespace.
/// </summary>
public sealed class RbacWorkloadCreationRule : IRule
{
    private static readonly string[] WorkloadResources =
        ["pods", "deployments", "daemonsets", "statefulsets", "replicasets", "replicationcontrollers", "jobs", "cronjobs"];

    private static readonly string[] CreateVerbs = ["create"];

    public string Id => "SHP-IAM-057";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var role in RbacGrants.Roles(model))
        {
            var found = false;
            foreach (var rule in role.Rules)
            {
                if (RbacGrants.Grant(rule, WorkloadResources, CreateVerbs) is { } grant)
                {
                    found = true;
                    yield return RuleText.Hit(role, grant.Resource,
                        $"{role.Kind} '{role.Address}' can create {grant.Resource.Current}: its subjects can run pods that mount any Secret and use any service account {(role.Kind == "ClusterRole" ? "where it is bound" : "of the namespace")}.");
                }
            }

            if (!found && RbacGrants.CoveredByWildcard(role, Id, CreateVerbs, "pods") is { } covered)
            {
                yield return covered;
            }
        }
    }
}
