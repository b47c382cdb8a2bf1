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
    private const string PassRole = "iam:PassRole";

    /// <summary>What the request must still say before its policy can be least privilege: iam:PassRole needs the roles it may pass.</summary>
    public static ImmutableArray<string> MissingInputs(SuggestRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = ImmutableArray.CreateBuilder<string>();
        if (request.Actions.Contains(PassRole, StringComparer.OrdinalIgnoreCase) && request.Roles.IsEmpty)
        {
            problems.Add("iam:PassRole needs the roles it may pass (--role NAME or ARN): passing every role is what SHP-IAM-112 reports");
        }

        if (request.Roles.Any(r => !r.StartsWith("arn:", StringComparison.Ordinal)) && ArnTemplate.ClusterValues(request.ClusterArn) is null)
        {
            problems.Add("a role given by name needs --cluster (for its account), or give the role's ARN");
        }

        return problems.ToImmutable();
    }

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

            if (string.Equals(action.FullName, PassRole, StringComparison.OrdinalIgnoreCase) && !request.Roles.IsEmpty)
            {
                statements.Add(PassRoleStatement(action, request, values));
                continue;
            }

            var formats = catalog.TryGetService(action.Service, out var service)
                ? action.Resources.Where(r => r.Required || !action.Resources.Any(x => x.Required))
                    .Select(r => service.ResourceArnFormats.GetValueOrDefault(r.ResourceType)).OfType<string>().ToList()
                : [];
            // A task definition's ARN names its family: with families given, one ARN per family (any revision).
            ImmutableArray<string> resources = formats.Count == 0 ? ["*"] : [.. formats.SelectMany(f => f.Contains("${TaskDefinitionFamilyName}", StringComparison.Ordinal) && !request.Families.IsEmpty
                    ? request.Families.Select(family => ArnTemplate.Fill(f, new Dictionary<string, string>(values, StringComparer.Ordinal) { ["TaskDefinitionFamilyName"] = family }))
                    : [ArnTemplate.Fill(f, values)])
                .Distinct(StringComparer.Ordinal)];
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

    // The named roles only, and only to the service that runs the cluster's work (IAM's iam:PassedToService key):
    // ECS tasks for an ECS cluster, EKS for an EKS one.
    private static PolicyStatementDraft PassRoleStatement(IamAction action, SuggestRequest request, Dictionary<string, string> values)
    {
        var partition = values.GetValueOrDefault("Partition", "aws");
        var account = values.GetValueOrDefault("Account", "*");
        ImmutableArray<string> roles = [.. request.Roles.Select(r => r.StartsWith("arn:", StringComparison.Ordinal) ? r : $"arn:{partition}:iam::{account}:role/{r}").Distinct(StringComparer.Ordinal)];
        var service = request.ClusterArn?.Split(':') is [_, _, "eks", ..] ? "eks.amazonaws.com" : "ecs-tasks.amazonaws.com";
        var conditions = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
        [
            KeyValuePair.Create("StringEquals", ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("iam:PassedToService", ImmutableArray.Create(service))])),
        ]);
        return new PolicyStatementDraft(Sid(action), [action.FullName], roles, conditions);
    }

    /// <summary>"EcsStopTask": Sids allow only letters and digits.</summary>
    public static string Sid(IamAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var text = new string([.. (char.ToUpperInvariant(action.Service[0]) + action.Service[1..] + action.Name).Where(char.IsAsciiLetterOrDigit)]);
        return text;
    }
}
