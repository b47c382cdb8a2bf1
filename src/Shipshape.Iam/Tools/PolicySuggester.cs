using System.Collections.Immutable;
using Shipshape.Iam.Analysis;
using Shipshape.Iam.Catalog;

namespace Shipshape.Iam.Tools;

/// <summary>
/// Writes the least-privilege statements for a list of actions: each action's resource types as catalogue ARN formats
/// (filled from the cluster ARN), an ecs:cluster condition where the ARN cannot name the cluster, "*" only for actions
/// that accept nothing else, and an MFA condition on destructive actions (or on all, when asked).
/// </summary>
public static class PolicySuggester
{
    /// <summary>The statements, or the actions the catalogue does not know.</summary>
    public static (ImmutableArray<PolicyStatementDraft> Statements, ImmutableArray<string> Unknown) Suggest(SuggestRequest request, IamCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(catalog);
        var values = ArnTemplate.ClusterValues(request.ClusterArn) ?? new Dictionary<string, string>(StringComparer.Ordinal);
        var unknown = ImmutableArray.CreateBuilder<string>();
        var statements = ImmutableArray.CreateBuilder<PolicyStatementDraft>();
        foreach (var name in request.Actions.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (catalog.Find(name) is not { } action)
            {
                unknown.Add(name);
                continue;
            }

            var formats = catalog.TryGetService(action.Service, out var service)
                ? action.Resources.Where(r => r.Required || !action.Resources.Any(x => x.Required))
                    .Select(r => service.ResourceArnFormats.GetValueOrDefault(r.ResourceType)).OfType<string>().ToList()
                : [];
            ImmutableArray<string> resources = formats.Count == 0 ? ["*"] : [.. formats.Select(f => ArnTemplate.Fill(f, values)).Distinct(StringComparer.Ordinal)];
            var conditions = ImmutableSortedDictionary.CreateBuilder<string, ImmutableSortedDictionary<string, ImmutableArray<string>>>(StringComparer.Ordinal);
            var namesCluster = formats.Count > 0 && formats.All(f => f.Contains("${ClusterName}", StringComparison.Ordinal));
            if (request.ClusterArn is not null && action.HasConditionKey("ecs:cluster") && !namesCluster)
            {
                conditions["ArnEquals"] = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("ecs:cluster", ImmutableArray.Create(request.ClusterArn))]);
            }

            if (request.RequireMfa || DestructiveActions.IsDestructive(action, catalog))
            {
                conditions["Bool"] = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("aws:MultiFactorAuthPresent", ImmutableArray.Create("true"))]);
            }

            statements.Add(new PolicyStatementDraft(Sid(action), [action.FullName], resources, conditions.ToImmutable()));
        }

        return (statements.ToImmutable(), unknown.ToImmutable());
    }

    /// <summary>"EcsStopTask": Sids allow only letters and digits.</summary>
    public static string Sid(IamAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var text = new string([.. (char.ToUpperInvariant(action.Service[0]) + action.Service[1..] + action.Name).Where(char.IsAsciiLetterOrDigit)]);
        return text;
    }
}
