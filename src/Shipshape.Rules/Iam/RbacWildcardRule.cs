using Shipshape.Core.Model;

namespace Shipshape.Rules.Iam;

/// <summary>SHP-IAM-051: a Kubernetes Role or ClusterRole rule grants "*" verbs, resources or API groups.</summary>
public sealed class RbacWildcardRule : IRule
{
    public string Id => "SHP-IAM-051";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var role in model.OfType<KubernetesObject>().Where(o => o.Kind is "Role" or "ClusterRole"))
        {
            foreach (var rule in role.Rules)
            {
                var wildcard = rule.Verbs.Select(v => (v, "verbs"))
                    .Concat(rule.Resources.Select(r => (r, "resources")))
                    .Concat(rule.ApiGroups.Select(g => (g, "apiGroups")))
                    .FirstOrDefault(x => x.Item1 is { IsKnown: true, Current: "*" });
                if (wildcard.Item1 is { } value)
                {
                    yield return RuleText.Hit(role, value,
                        $"{role.Kind} '{role.Address}' grants '*' in {wildcard.Item2}; list the {wildcard.Item2} it needs.");
                }
            }
        }
    }
}
