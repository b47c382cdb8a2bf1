using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>
/// SHP-NET-050: a Kubernetes namespace runs workloads but no NetworkPolicy in the scanned manifests selects
/// anything in it, so every pod accepts traffic from every other pod in the cluster. Reported once per
/// namespace, on its first workload.
/// </summary>
public sealed class NamespaceWithoutNetworkPolicyRule : IRule
{
    public string Id => "SHP-NET-050";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        var covered = model.OfType<KubernetesObject>()
            .Where(o => o.Kind == "NetworkPolicy")
            .Select(o => o.Namespace ?? "default")
            .ToHashSet(StringComparer.Ordinal);
        var byNamespace = model.OfType<KubernetesWorkload>()
            .Where(w => !covered.Contains(w.Namespace))
            .GroupBy(w => w.Namespace, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in byNamespace)
        {
            var first = group.OrderBy(w => w.Span.Path, StringComparer.Ordinal).ThenBy(w => w.Span.StartLine).First();
            var count = group.Count();
            yield return new RuleHit(first, first.Span, "metadata.namespace",
                $"Namespace '{group.Key}' runs {count} workload{(count == 1 ? string.Empty : "s")} but has no NetworkPolicy, so its pods accept traffic from any pod in the cluster.");
        }
    }
}
