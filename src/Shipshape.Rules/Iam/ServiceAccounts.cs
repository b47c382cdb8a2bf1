using Shipshape.Core.Model;

namespace Shipshape.Rules.Iam;

/// <summary>The Kubernetes ServiceAccounts of a scan by (namespace, name), for rules that follow a pod to its account.</summary>
internal static class ServiceAccounts
{
    public static Dictionary<(string? Namespace, string Name), KubernetesObject> Of(ModelSet model) =>
        model.OfType<KubernetesObject>()
            .Where(o => o.Kind == "ServiceAccount")
            .GroupBy(o => (o.Namespace, o.Name))
            .ToDictionary(g => g.Key, g => g.First());
}
