using Shipshape.Core.Model;

namespace Shipshape.Rules.Iam;

/// <summary>
/// SHP-IAM-052: a Kubernetes Role or ClusterRole can read every Secret it can see (get, list or watch on
/// secrets, without resourceNames). Wildcard resources are SHP-IAM-051's finding; recorded here as covered failures.
/// </summary>
public sealed class RoleReadsSecretsRule : IRule
{
    private static readonly string[] ReadVerbs = ["get", "list", "watch", "*"];

    public string Id => "SHP-IAM-052";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var role in model.OfType<KubernetesObject>().Where(o => o.Kind is "Role" or "ClusterRole"))
        {
            var found = false;
            foreach (var rule in role.Rules)
            {
                var secrets = rule.Resources.FirstOrDefault(r => r is { IsKnown: true, Current: "secrets" });
                var verbs = rule.Verbs.Where(v => v.IsKnown && ReadVerbs.Contains(v.Current, StringComparer.Ordinal)).Select(v => v.Current).ToList();
                if (secrets is null || verbs.Count == 0 || !rule.ResourceNames.IsEmpty)
                {
                    continue;
                }

                found = true;
                var scope = role.Kind == "ClusterRole" ? "in every namespace it is bound for" : "in its namespace";
                yield return RuleText.Hit(role, secrets,
                    $"{role.Kind} '{role.Address}' can {string.Join('/', verbs)} all Secrets {scope}; name the secrets it needs in resourceNames.");
            }

            if (!found && RbacGrants.CoveredByWildcard(role, Id, ReadVerbs, "Secrets") is { } covered)
            {
                yield return covered;
            }
        }
    }
}
