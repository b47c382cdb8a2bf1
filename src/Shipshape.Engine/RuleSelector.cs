using System.Collections.Immutable;
using Shipshape.Core;

namespace Shipshape.Engine;

/// <summary>
/// Turns what users write after <c>--rule</c>, <c>--skip-rule</c> and in <c>rules.enable</c>/<c>disable</c> into rule IDs:
/// Shipshape IDs, the IDs other tools use for the same check (Checkov <c>CKV_AWS_97</c>, Trivy <c>AVD-AWS-0034</c>,
/// Hadolint <c>DL3008</c>, Security Hub <c>ECS.4</c>, … as listed in each rule's equivalents), wildcards (<c>SHP-NET-*</c>,
/// <c>CKV_K8S_?</c>) and comma-separated lists, all case-insensitive. Someone coming from another tool keeps their list.
/// </summary>
public sealed class RuleSelector
{
    private readonly IReadOnlyDictionary<string, RuleMetadata> _rules;

    public RuleSelector(IReadOnlyDictionary<string, RuleMetadata> rules) => _rules = rules;

    /// <summary>The rule IDs every pattern names, together.</summary>
    /// <exception cref="Configuration.ConfigException">A pattern names no rule; the message suggests the closest IDs.</exception>
    public ImmutableHashSet<string> Select(IEnumerable<string> patterns, string option)
    {
        var selected = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var pattern in patterns.SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var matches = _rules.Values.Where(r => Matches(pattern, r.Id) || r.Equivalents.Any(e => Matches(pattern, e))).Select(r => r.Id).ToList();
            if (matches.Count == 0)
            {
                var suggestions = Closest(pattern);
                throw new Configuration.ConfigException($"{option}: no rule matches '{pattern}'"
                    + (suggestions.Count > 0 ? $"; did you mean {string.Join(", ", suggestions)}?" : string.Empty) + " (see 'shipshape rules')");
            }

            selected.UnionWith(matches);
        }

        return selected.ToImmutable();
    }

    // The same glob as IAM's ('*' any run, '?' one character), iterative, so a pattern cannot blow up.
    private static bool Matches(string pattern, string id) =>
        Shipshape.Iam.Matching.Wildcard.HasWildcard(pattern)
            ? Shipshape.Iam.Matching.Wildcard.Matches(pattern, id, ignoreCase: true)
            : string.Equals(pattern, id, StringComparison.OrdinalIgnoreCase);

    private List<string> Closest(string pattern)
    {
        var wanted = pattern.ToUpperInvariant();
        return [.. _rules.Values.SelectMany(r => r.Equivalents.Prepend(r.Id)).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(id => (Id: id, Distance: Distance(wanted, id.ToUpperInvariant())))
            .Where(c => c.Distance <= Math.Max(2, wanted.Length / 3))
            .OrderBy(c => c.Distance).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Take(3).Select(c => c.Id)];
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
