using Shipshape.Core.Model;

namespace Shipshape.Rules.Iam;

/// <summary>
/// SHP-IAM-054 (a binding grants cluster-admin) and SHP-IAM-058 (a binding gives permissions to a namespace's
/// default service account, which every pod without serviceAccountName runs as).
/// </summary>
public sealed class RbacBindingRule : IRule
{
    private readonly bool _clusterAdmin;

    private RbacBindingRule(bool clusterAdmin) => _clusterAdmin = clusterAdmin;

    public static RbacBindingRule ClusterAdmin { get; } = new(clusterAdmin: true);

    public static RbacBindingRule DefaultServiceAccount { get; } = new(clusterAdmin: false);

    public string Id => _clusterAdmin ? "SHP-IAM-054" : "SHP-IAM-058";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var binding in model.OfType<KubernetesObject>().Where(o => o.Kind is "RoleBinding" or "ClusterRoleBinding"))
        {
            var role = binding.RoleRefName?.Current ?? "?";
            if (_clusterAdmin)
            {
                if (binding.RoleRefName is { IsKnown: true, Current: "cluster-admin" } name
                    && binding.RoleRefKind is { Current: "ClusterRole" })
                {
                    var scope = binding.Kind == "ClusterRoleBinding" ? "over the whole cluster" : $"in namespace '{binding.Namespace}'";
                    var subjects = string.Join(", ", binding.Subjects.Select(s => $"{s.Kind.Current} '{s.Name.Current}'"));
                    yield return RuleText.Hit(binding, name,
                        $"{binding.Kind} '{binding.Address}' grants cluster-admin {scope}{(subjects.Length > 0 ? " to " + subjects : string.Empty)}.");
                }

                continue;
            }

            foreach (var subject in binding.Subjects)
            {
                if (subject.Kind is { Current: "ServiceAccount" } && subject.Name is { IsKnown: true, Current: "default" })
                {
                    yield return RuleText.Hit(binding, subject.Name,
                        $"{binding.Kind} '{binding.Address}' binds {binding.RoleRefKind?.Current} '{role}' to the default service account of namespace '{subject.Namespace}', so every pod there that names no service account gets it.");
                }
            }
        }
    }
}
