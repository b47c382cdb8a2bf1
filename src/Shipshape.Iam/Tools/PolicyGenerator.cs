using System.Collections.Immutable;
using Shipshape.Iam.Catalog;

namespace Shipshape.Iam.Tools;

/// <summary>
/// The least-privilege policy of each principal's observed calls: each action on the resources the events named, or on
/// "*" when an event named none (or the action accepts nothing else); actions with the same resources share a statement.
/// </summary>
public static class PolicyGenerator
{
    public static ImmutableSortedDictionary<string, ImmutableArray<PolicyStatementDraft>> Generate(IEnumerable<ObservedCall> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var result = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<PolicyStatementDraft>>(StringComparer.Ordinal);
        foreach (var principal in calls.GroupBy(c => c.Principal, StringComparer.Ordinal))
        {
            var byAction = principal.GroupBy(c => c.Action, StringComparer.Ordinal).Select(g =>
            {
                var resources = g.Any(c => c.Resource is null) ? ["*"] : g.Select(c => c.Resource!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
                // ECS actions that take ecs:cluster are confined to the clusters they were seen in, when every call says which.
                // A task, service or container instance ARN names its cluster already; a task definition or "*" does not.
                ImmutableArray<string> clusters = g.All(c => c.Cluster is not null) && !resources.All(NamesCluster)
                    ? [.. g.Select(c => c.Cluster!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]
                    : [];
                return (Action: g.Key, Resources: resources, Clusters: clusters);
            });
            var statements = byAction
                .GroupBy(x => string.Join('\n', x.Resources) + "\0" + string.Join('\n', x.Clusters), StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select((g, i) => new PolicyStatementDraft(
                    $"Observed{i + 1}",
                    [.. g.Select(x => x.Action).Order(StringComparer.Ordinal)],
                    g.First().Resources,
                    g.First().Clusters.IsEmpty
                        ? ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, ImmutableArray<string>>>.Empty
                        : ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
                            [KeyValuePair.Create("ArnEquals", ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("ecs:cluster", g.First().Clusters)]))])))
                .ToImmutableArray();
            result[principal.Key] = statements;
        }

        return result.ToImmutable();
    }

    private static bool NamesCluster(string arn) =>
        arn.Split(':', 6) is [_, _, "ecs", _, _, var resource]
        && (resource.StartsWith("cluster/", StringComparison.Ordinal) || resource.StartsWith("task/", StringComparison.Ordinal)
            || resource.StartsWith("service/", StringComparison.Ordinal) || resource.StartsWith("container-instance/", StringComparison.Ordinal)
            || resource.StartsWith("task-set/", StringComparison.Ordinal));
}
