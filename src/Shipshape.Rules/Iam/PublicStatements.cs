using Shipshape.Core.Model;

namespace Shipshape.Rules.Iam;

/// <summary>Statements of a resource policy that allow everyone: Principal "*" (or AWS "*") with no narrowing condition.</summary>
internal static class PublicStatements
{
    /// <summary>The wildcard principal of every Allow statement that no condition narrows.</summary>
    public static IEnumerable<Value<string>> Principals(PolicyDocument? policy)
    {
        foreach (var statement in policy?.Statements ?? [])
        {
            if (statement.Effect is not { IsKnown: true } effect
                || !string.Equals(effect.Current, "Allow", StringComparison.OrdinalIgnoreCase)
                || statement.Conditions.Any(Restricts))
            {
                continue;
            }

            if (statement.Principals.FirstOrDefault(p => p.IsKnown && p.Current is "*" or "AWS:*") is { } principal)
            {
                yield return principal;
            }
        }
    }

    /// <summary>
    /// Whether a condition narrows who is allowed. A ForAllValues condition on a key the request does not carry
    /// (aws:username on a single-valued key, any key of an anonymous request) is true, so it narrows nothing
    /// (IAM: "Single-valued vs. multivalued context keys").
    /// </summary>
    private static bool Restricts(PolicyCondition condition) =>
        !condition.Operator.StartsWith("ForAllValues:", StringComparison.OrdinalIgnoreCase);
}
