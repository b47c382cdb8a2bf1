using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using Shipshape.Core.Model;
using Shipshape.Iam.Matching;

namespace Shipshape.Iam.Evaluation;

/// <summary>
/// Evaluates condition blocks as the IAM documentation describes: operators and keys are ANDed, a key's values ORed
/// (NOR for negated operators), a missing key fails positive operators and satisfies negated ones and IfExists,
/// ForAllValues holds for a missing or empty key, ForAnyValue does not.
/// </summary>
public static class ConditionEvaluator
{
    public static bool All(IEnumerable<PolicyCondition> conditions, RequestContext context) =>
        conditions.All(c => Evaluate(c, context));

    public static bool Evaluate(PolicyCondition condition, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(context);
        var op = ConditionOperator.Parse(condition.Operator);
        if (!op.IsKnown || condition.Values.Any(v => v.IsUnresolved))
        {
            // IAM rejects a policy with an unknown operator; an unresolved value cannot be shown to match.
            return false;
        }

        var present = context.Keys.TryGetValue(condition.Key, out var requestValues) && !requestValues.IsEmpty;
        if (op.BaseOperator == "Null")
        {
            return condition.Values.Any(v => string.Equals(v.Current, "true", StringComparison.OrdinalIgnoreCase) ? !present : present);
        }

        if (!present)
        {
            return op.IfExists || op.Qualifier == "ForAllValues" || (op.Qualifier.Length == 0 && op.IsNegated);
        }

        var policyValues = condition.Values.Select(v => PolicyVariables.Substitute(v.Current, context)).OfType<string>().ToImmutableArray();
        bool One(string value) => op.IsNegated
            ? !policyValues.Any(p => Positive(op.BaseOperator, p, value))
            : policyValues.Any(p => Positive(op.BaseOperator, p, value));

        return op.Qualifier == "ForAllValues" ? requestValues.All(One) : requestValues.Any(One);
    }

    private static bool Positive(string op, string policy, string value) => op switch
    {
        "StringEquals" or "StringNotEquals" or "BinaryEquals" => string.Equals(policy, value, StringComparison.Ordinal),
        "StringEqualsIgnoreCase" or "StringNotEqualsIgnoreCase" => string.Equals(policy, value, StringComparison.OrdinalIgnoreCase),
        "StringLike" or "StringNotLike" => Wildcard.Matches(policy, value, ignoreCase: false),
        "Bool" => string.Equals(policy, value, StringComparison.OrdinalIgnoreCase),
        "ArnEquals" or "ArnLike" or "ArnNotEquals" or "ArnNotLike" => ArnMatcher.Matches(policy, value),
        "IpAddress" or "NotIpAddress" => InNetwork(policy, value),
        _ when op.StartsWith("Numeric", StringComparison.Ordinal) => Compare(op["Numeric".Length..], ParseNumber(value), ParseNumber(policy)),
        _ when op.StartsWith("Date", StringComparison.Ordinal) => Compare(op["Date".Length..], ParseDate(value), ParseDate(policy)),
        _ => false,
    };

    private static bool Compare<T>(string relation, T? value, T? policy) where T : struct, IComparable<T>
    {
        if (value is not { } v || policy is not { } p)
        {
            return false;
        }

        var c = v.CompareTo(p);
        return relation switch
        {
            "Equals" or "NotEquals" => c == 0,
            "LessThan" => c < 0,
            "LessThanEquals" => c <= 0,
            "GreaterThan" => c > 0,
            "GreaterThanEquals" => c >= 0,
            _ => false,
        };
    }

    private static decimal? ParseNumber(string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static DateTimeOffset? ParseDate(string text)
    {
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
        {
            return DateTimeOffset.FromUnixTimeSeconds(epoch);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
    }

    private static bool InNetwork(string cidr, string address)
    {
        if (!IPAddress.TryParse(address, out var ip))
        {
            return false;
        }

        if (!cidr.Contains('/', StringComparison.Ordinal))
        {
            return IPAddress.TryParse(cidr, out var single) && single.Equals(ip);
        }

        return IPNetwork.TryParse(cidr, out var network) && network.Contains(ip);
    }
}
