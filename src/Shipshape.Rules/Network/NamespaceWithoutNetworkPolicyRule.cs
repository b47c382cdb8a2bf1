using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>
/// SHP-NET-050: a Kubernetes namespace runs workloads but no NetworkPolicy in the scanned manifests selects
/// anything in it, so every pod accepts traffic from every other pod in the cluster. Reported once per
/// namespace, on its first workload; the namespace's other workloads fail too, as failures that finding covers (one
/// finding per namespace is enough to fix it, but every one of its workloads accepts the traffic).
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
            var ordered = group.OrderBy(w => w.Span.Path, StringComparer.Ordinal).ThenBy(w => w.Span.StartLine).ToList();
            var first = ordered[0];
            yield return new RuleHit(first, first.Span, "metadata.namespace",
                $"Namespace '{group.Key}' runs {ordered.Count} workload{(ordered.Count == 1 ? string.Empty : "s")} but has no NetworkPolicy, so its pods accept traffic from any pod in the cluster.");
            foreach (var other in ordered.Skip(1))
            {
                yield return new RuleHit(other, other.Span, "metadata.namespace",
                    $"Namespace '{group.Key}' has no NetworkPolicy (reported on {first.Address}).") { CoveredBy = Id };
            }
        }
    }
}
