using Shipshape.Core.Model;

namespace Shipshape.Rules.Iam;

/// <summary>
/// Named grants of Kubernetes Role and ClusterRole rules, after the Kubernetes "Role Based Access Control Good
/// Practices": a rule matches when it names the resource and one of the verbs (a "*" verb counts). "*" resources are
/// SHP-IAM-051's finding, reported once; the other rules record such a role as failing them without a finding of their
/// own (<see cref="CoveredByWildcard"/>): a wildcard grants Secrets, pods and bind too, so calling the role passed would
/// be false, and a second finding on the same line for every rule would repeat SHP-IAM-051's.
/// </summary>
internal static class RbacGrants
{
    public static IEnumerable<KubernetesObject> Roles(ModelSet model) =>
        model.OfType<KubernetesObject>().Where(o => o.Kind is "Role" or "ClusterRole");

    /// <summary>The first resource of <paramref name="rule"/> among <paramref name="resources"/> that it grants one of <paramref name="verbs"/> on, with the verbs granted.</summary>
    public static (Value<string> Resource, IReadOnlyList<string> Verbs)? Grant(RbacRule rule, IReadOnlyCollection<string> resources, IReadOnlyCollection<string> verbs)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var granted = rule.Verbs.Where(v => v.IsKnown && (v.Current == "*" || verbs.Contains(v.Current))).Select(v => v.Current).Distinct().ToList();
        if (granted.Count == 0)
        {
            return null;
        }

        var resource = rule.Resources.FirstOrDefault(r => r.IsKnown && resources.Contains(r.Current));
        return resource is null ? null : (resource, granted);
    }

    /// <summary>
    /// The covered failure of <paramref name="role"/> for rule <paramref name="ruleId"/> when one of its rules grants "*"
    /// resources with one of <paramref name="verbs"/> (or "*"), and the rule found nothing named on it; null otherwise.
    /// </summary>
    public static RuleHit? CoveredByWildcard(KubernetesObject role, string ruleId, IReadOnlyCollection<string> verbs, string what)
    {
        ArgumentNullException.ThrowIfNull(role);
        foreach (var rule in role.Rules)
        {
            var wildcard = rule.Resources.FirstOrDefault(r => r is { IsKnown: true, Current: "*" });
            if (wildcard is not null && rule.ResourceNames.IsEmpty && rule.Verbs.Any(v => v.IsKnown && (v.Current == "*" || verbs.Contains(v.Current))))
            {
                return RuleHit.Covered(role, wildcard, "SHP-IAM-051",
                    $"{role.Kind} '{role.Address}' grants '*' resources, which include {what} ({ruleId}, reported by SHP-IAM-051).");
            }
        }

        return null;
    }

    /// <summary>The first verb of <paramref name="rule"/> among <paramref name="verbs"/> (whatever the resources).</summary>
    public static Value<string>? Verb(RbacRule rule, IReadOnlyCollection<string> verbs) =>
        rule.Verbs.FirstOrDefault(v => v.IsKnown && verbs.Contains(v.Current));
}
