using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>
/// SHP-NET-053: a Kubernetes workload, Service, ServiceAccount, Role, binding, Secret or ConfigMap lives in the
/// default namespace, explicitly or by naming none (a manifest without a namespace lands wherever kubectl points).
/// </summary>
public sealed class DefaultNamespaceRule : IRule
{
    private static readonly string[] ObjectKinds = ["Service", "ServiceAccount", "Role", "RoleBinding", "Secret", "ConfigMap", "NetworkPolicy"];

    public string Id => "SHP-NET-053";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var resource in model.OfType<Resource>())
        {
            var declared = resource switch
            {
                KubernetesWorkload workload => workload.DeclaredNamespace,
                KubernetesObject o when ObjectKinds.Contains(o.Kind, StringComparer.Ordinal) => o.DeclaredNamespace,
                _ => null,
            };
            if (declared is not { IsKnown: true, Current: "default" })
            {
                continue;
            }

            yield return RuleText.Hit(resource, declared, declared.IsExplicit
                ? $"{resource.Kind} '{resource.Address}' is in the default namespace."
                : $"{resource.Kind} '{resource.Address}' names no namespace, so it goes to the default namespace unless the deployer chooses another; set metadata.namespace.");
        }
    }
}
