using System.Collections.Immutable;
using Shipshape.Core.Model;
using Shipshape.Iam.Catalog;

namespace Shipshape.Iam.Analysis;

/// <summary>What a statement grants, read through the catalogue: the actions it names, and whether it is full admin.</summary>
public static class StatementFacts
{
    public static bool IsAllow(PolicyStatement statement) =>
        statement is not null && statement.Effect.IsKnown && statement.Effect.Current == "Allow";

    public static bool IsDeny(PolicyStatement statement) =>
        statement is not null && statement.Effect.IsKnown && statement.Effect.Current == "Deny";

    /// <summary>"Action": "*" (or "*:*") on "Resource": "*".</summary>
    public static bool IsFullAdmin(PolicyStatement statement) =>
        IsAllow(statement)
        && statement.Actions.Any(a => a.IsKnown && a.Current.Trim() is "*" or "*:*")
        && statement.Resources.Any(r => r.IsKnown && r.Current.Trim() == "*");

    /// <summary>The catalogue actions an Action list names (NotAction statements: none; see the NotAction rule).</summary>
    public static ImmutableArray<IamAction> Actions(PolicyStatement statement, IamCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(catalog);
        return [.. statement.Actions.Where(a => a.IsKnown).SelectMany(a => catalog.Expand(a.Current)).Distinct()];
    }

    /// <summary>Whether a condition key scopes which resources a statement reaches (tags, service keys such as ecs:cluster).</summary>
    public static bool ScopesResources(PolicyCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var key = condition.Key;
        return !key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase)
            || key.StartsWith("aws:ResourceTag/", StringComparison.OrdinalIgnoreCase)
            || key.StartsWith("aws:ResourceAccount", StringComparison.OrdinalIgnoreCase)
            || key.StartsWith("aws:ResourceOrg", StringComparison.OrdinalIgnoreCase);
    }
}
