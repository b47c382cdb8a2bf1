using Shipshape.Core.Model;

namespace Shipshape.Rules.Iam;

/// <summary>
/// Named grants of Kubernetes Role and ClusterRole rules, after the Kubernetes "Role Based Access Control Good
/// Practices": a rule matches when it names the resource and one of the verbs (a "*" verb counts; "*" resources
/// are left to SHP-IAM-051, which reports every wildcard once).
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

    /// <summary>The first verb of <paramref name="rule"/> among <paramref name="verbs"/> (whatever the resources).</summary>
    public static Value<string>? Verb(RbacRule rule, IReadOnlyCollection<string> verbs) =>
        rule.Verbs.FirstOrDefault(v => v.IsKnown && verbs.Contains(v.Current));
}
