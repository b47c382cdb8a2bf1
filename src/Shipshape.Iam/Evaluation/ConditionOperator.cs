namespace Shipshape.Iam.Evaluation;

/// <summary>A parsed condition operator: set qualifier (ForAnyValue:/ForAllValues:), base operator and the IfExists suffix.</summary>
public sealed record ConditionOperator(string Qualifier, string BaseOperator, bool IfExists)
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
        "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals",
        "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals",
        "Bool", "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null",
    };

    private static readonly HashSet<string> Negated = new(StringComparer.Ordinal)
    {
        "StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike", "NumericNotEquals", "DateNotEquals", "NotIpAddress", "ArnNotEquals", "ArnNotLike",
    };

    /// <summary>Whether the base operator is one IAM defines (operator names are case-sensitive).</summary>
    public bool IsKnown => Known.Contains(BaseOperator) && !(IfExists && BaseOperator == "Null");

    /// <summary>Operators that match when the value matches none of the policy's values.</summary>
    public bool IsNegated => Negated.Contains(BaseOperator);

    public static ConditionOperator Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var qualifier = string.Empty;
        var rest = text;
        foreach (var candidate in (string[])["ForAnyValue:", "ForAllValues:"])
        {
            if (rest.StartsWith(candidate, StringComparison.Ordinal))
            {
                qualifier = candidate[..^1];
                rest = rest[candidate.Length..];
            }
        }

        var ifExists = rest.EndsWith("IfExists", StringComparison.Ordinal);
        return new ConditionOperator(qualifier, ifExists ? rest[..^"IfExists".Length] : rest, ifExists);
    }
}
