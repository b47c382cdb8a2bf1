using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Core.Model;

namespace Shipshape.Engine;

/// <summary>
/// Builds the evaluation records from what rules declare, not from bookkeeping in each rule: every resource of a rule's
/// subjects (metadata <c>subjects:</c>) is evaluated; it fails when the rule hit it (a hit on a container is a hit on its
/// workload, the resource findings name), is not applicable when the rule's <c>sources:</c> do not include the
/// resource's format, is unresolved when its file was not fully checked, the rule did not finish or the rule said it could
/// not decide (a value it needs is unresolved: <c>RuleHit.Undecided</c>), and passes otherwise.
/// </summary>
internal sealed class EvaluationRecorder
{
    private readonly Dictionary<string, HashSet<string>> _hits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _undecided = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unfinished = new(StringComparer.Ordinal);

    /// <summary>The identity of a resource across the model and the hits: file, kind, address and root module.</summary>
    internal static string Key(Resource resource) =>
        string.Join('\0', resource.Span.Path, resource.Kind, resource.Address, resource.Module?.RootDirectory);

    public void Hit(string ruleId, Resource resource) => Add(_hits, ruleId, resource);

    /// <summary>The rule could not decide for the resource (a value it needs is unresolved): unresolved unless it also failed.</summary>
    public void Undecided(string ruleId, Resource resource) => Add(_undecided, ruleId, resource);

    private static void Add(Dictionary<string, HashSet<string>> byRule, string ruleId, Resource resource)
    {
        if (!byRule.TryGetValue(ruleId, out var keys))
        {
            byRule[ruleId] = keys = new HashSet<string>(StringComparer.Ordinal);
        }

        keys.Add(Key(resource));
    }

    /// <summary>A rule that threw or was stopped by the deadline: what it did not report is unresolved, not passed.</summary>
    public void Unfinished(string ruleId) => _unfinished.Add(ruleId);

    public (ImmutableArray<RuleCheck> Checks, ImmutableSortedDictionary<Practice, int> ByPractice) Build(
        IEnumerable<RuleMetadata> rules, IReadOnlyList<Resource> resources, IEnumerable<Diagnostic> incomplete)
    {
        var incompletePaths = incomplete.Select(d => d.Location.Path).ToHashSet(StringComparer.Ordinal);

        // Each resource's key, source and subjects once, not once per rule: a large scan has many of both.
        var subjectsByType = new Dictionary<Type, string[]>();
        var prepared = resources.Select(r =>
        {
            var type = r.GetType();
            if (!subjectsByType.TryGetValue(type, out var names))
            {
                subjectsByType[type] = names = [.. ModelSubjects.All.Where(s => ModelSubjects.Matches(r, s))];
            }

            return (Resource: r, Key: Key(r), Source: ModelSubjects.SourceOf(r), Subjects: names);
        }).ToList();
        // Per subject name, the resources it covers (in model order): a rule visits only its own subjects' resources,
        // not every resource of the scan.
        var bySubject = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < prepared.Count; i++)
        {
            foreach (var subject in prepared[i].Subjects)
            {
                (bySubject.TryGetValue(subject, out var list) ? list : bySubject[subject] = []).Add(i);
            }
        }

        var checks = ImmutableArray.CreateBuilder<RuleCheck>();
        var byPractice = new Dictionary<Practice, HashSet<string>>();
        foreach (var rule in rules)
        {
            var hits = _hits.GetValueOrDefault(rule.Id);
            var undecided = _undecided.GetValueOrDefault(rule.Id);
            var counts = CheckCounts.Zero;
            var byKind = new SortedDictionary<string, CheckCounts>(StringComparer.Ordinal);
            var failing = new List<CheckedResource>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var unfinished = _unfinished.Contains(rule.Id);
            var indices = rule.Subjects.SelectMany(subject => bySubject.GetValueOrDefault(subject) ?? []).Distinct().Order();
            foreach (var (resource, key, source, _) in indices.Select(i => prepared[i]))
            {
                if (!seen.Add(key))
                {
                    continue;
                }

                var hit = hits?.Contains(key) == true;
                var verdict = hit ? CheckVerdict.Fail
                    : !rule.Sources.Contains(source) ? CheckVerdict.NotApplicable
                    : incompletePaths.Contains(resource.Span.Path) || unfinished || undecided?.Contains(key) == true ? CheckVerdict.Unresolved
                    : CheckVerdict.Pass;
                counts = counts.Add(verdict);
                byKind[resource.Kind] = byKind.GetValueOrDefault(resource.Kind, CheckCounts.Zero).Add(verdict);
                if (verdict == CheckVerdict.Fail)
                {
                    failing.Add(new CheckedResource(resource.Span.Path, resource.Address, resource.Kind));
                }

                if (verdict != CheckVerdict.NotApplicable)
                {
                    if (!byPractice.TryGetValue(rule.Practice, out var inPractice))
                    {
                        byPractice[rule.Practice] = inPractice = new HashSet<string>(StringComparer.Ordinal);
                    }

                    inPractice.Add(key);
                }
            }

            var ordered = failing.OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Address, StringComparer.Ordinal).ThenBy(f => f.Kind, StringComparer.Ordinal).ToList();
            checks.Add(new RuleCheck
            {
                RuleId = rule.Id,
                Practice = rule.Practice,
                Counts = counts,
                ByKind = byKind.ToImmutableSortedDictionary(StringComparer.Ordinal),
                Failing = [.. ordered.Take(RuleCheck.MaxFailing)],
                FailingOmitted = Math.Max(0, ordered.Count - RuleCheck.MaxFailing),
            });
        }

        return (checks.ToImmutable(), byPractice.ToImmutableSortedDictionary(p => p.Key, p => p.Value.Count));
    }
}
