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
                return (Action: g.Key, Resources: resources);
            });
            var statements = byAction
                .GroupBy(x => string.Join('\n', x.Resources), StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select((g, i) => new PolicyStatementDraft(
                    $"Observed{i + 1}",
                    [.. g.Select(x => x.Action).Order(StringComparer.Ordinal)],
                    g.First().Resources,
                    ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, ImmutableArray<string>>>.Empty))
                .ToImmutableArray();
            result[principal.Key] = statements;
        }

        return result.ToImmutable();
    }
}
