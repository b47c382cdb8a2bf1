using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Core.Model;

namespace Shipshape.Engine;

/// <summary>
/// Builds the evaluation records from what rules declare, not from bookkeeping in each rule: every resource of a rule's
/// subjects (metadata <c>subjects:</c>) is evaluated; it fails when the rule hit it (a hit on a container is a hit on its
/// workload, the resource findings name), is not applicable when the rule's <c>sources:</c> do not include the
/// resource's format, is unresolved when its file was not fully checked, the rule did not finish or the rule said it could
/// not decide (a value it needs is unresolved: <c>RuleHit.Undecided</c>), and passes otherwise. A failure another rule's
/// finding covers (<c>RuleHit.CoveredBy</c>) fails too, its resource listed with that rule's ID.
/// </summary>
internal sealed class EvaluationRecorder
{
    private readonly Dictionary<string, HashSet<ResourceKey>> _hits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<ResourceKey>> _undecided = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unfinished = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<ResourceKey, string>> _covered = new(StringComparer.Ordinal);

    /// <summary>The identity of a resource across the model and the hits: file, kind, address and root module.</summary>
    /// <remarks>A value of the four strings compared ordinally, not one string joined from them: a scan of many files
    /// has a resource per file, and joining their keys was most of the single-threaded work after the scan.</remarks>
    private readonly record struct ResourceKey(string Path, string Kind, string Address, string? Root);

    private static ResourceKey Key(Resource resource) =>
        new(resource.Span.Path, resource.Kind, resource.Address, resource.Module?.RootDirectory);

    public void Hit(string ruleId, Resource resource) => Add(_hits, ruleId, resource);

    /// <summary>The resource fails the rule without a finding of its own: rule <paramref name="coveredBy"/>'s finding reports it.</summary>
    public void Covered(string ruleId, Resource resource, string coveredBy)
    {
        if (!_covered.TryGetValue(ruleId, out var byKey))
        {
            _covered[ruleId] = byKey = [];
        }

        byKey.TryAdd(Key(resource), coveredBy);
    }

    /// <summary>The rule could not decide for the resource (a value it needs is unresolved): unresolved unless it also failed.</summary>
    public void Undecided(string ruleId, Resource resource) => Add(_undecided, ruleId, resource);

    private static void Add(Dictionary<string, HashSet<ResourceKey>> byRule, string ruleId, Resource resource)
    {
        if (!byRule.TryGetValue(ruleId, out var keys))
        {
            byRule[ruleId] = keys = [];
        }

        keys.Add(Key(resource));
    }

    /// <summary>A rule that threw or was stopped by the deadline: what it did not report is unresolved, not passed.</summary>
    public void Unfinished(string ruleId) => _unfinished.Add(ruleId);

    public (ImmutableArray<RuleCheck> Checks, ImmutableSortedDictionary<Practice, int> ByPractice) Build(
        IEnumerable<RuleMetadata> rules, IReadOnlyList<Resource> resources, IEnumerable<Diagnostic> incomplete)
    {
        var incompletePaths = incomplete.Select(d => d.Location.Path).ToHashSet(StringComparer.Ordinal);

        // Each resource's identity (a number per distinct key), source and subjects once, not once per rule: a large scan
        // has many of both, and a rule's work per resource is then a few array reads (no string hashing, no allocation).
        // Keyed by type and kind: some subjects name Kubernetes objects of given kinds (ModelSubjects.KubernetesKinds).
        var subjectsByType = new Dictionary<(Type, string), string[]>();
        var keyIds = new Dictionary<ResourceKey, int>(resources.Count);
        var ids = new int[resources.Count];
        var sources = new string[resources.Count];
        var unresolvedFile = new bool[resources.Count];
        // Per subject name, the resources it covers (in model order): a rule visits only its own subjects' resources,
        // not every resource of the scan.
        var bySubject = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < resources.Count; i++)
        {
            var resource = resources[i];
            var type = (resource.GetType(), resource.Kind);
            if (!subjectsByType.TryGetValue(type, out var names))
            {
                subjectsByType[type] = names = [.. ModelSubjects.All.Where(s => ModelSubjects.Matches(resource, s))];
            }

            var key = Key(resource);
            if (!keyIds.TryGetValue(key, out var id))
            {
                keyIds[key] = id = keyIds.Count;
            }

            ids[i] = id;
            sources[i] = ModelSubjects.SourceOf(resource);
            unresolvedFile[i] = incompletePaths.Contains(resource.Span.Path);
            foreach (var subject in names)
            {
                (bySubject.TryGetValue(subject, out var list) ? list : bySubject[subject] = []).Add(i);
            }
        }

        // Rules with the same subjects visit the same resources: the list is built once per set of subjects.
        var indicesBySubjects = new Dictionary<string, int[]>(StringComparer.Ordinal);
        int[] IndicesOf(ImmutableArray<string> subjects)
        {
            var name = string.Join('\0', subjects);
            if (!indicesBySubjects.TryGetValue(name, out var indices))
            {
                indicesBySubjects[name] = indices = subjects.Length == 1
                    ? [.. bySubject.GetValueOrDefault(subjects[0]) ?? []]
                    : [.. subjects.SelectMany(subject => bySubject.GetValueOrDefault(subject) ?? []).Distinct().Order()];
            }

            return indices;
        }

        HashSet<int>? IdsOf(HashSet<ResourceKey>? keys) =>
            keys is null ? null : [.. keys.Select(k => keyIds.TryGetValue(k, out var id) ? id : -1).Where(id => id >= 0)];

        var checks = ImmutableArray.CreateBuilder<RuleCheck>();
        var byPractice = new Dictionary<Practice, bool[]>();
        // The rule that last counted each resource identity (its number + 1): a resource seen twice is counted once.
        var seenBy = new int[keyIds.Count];
        var ruleNumber = 0;
        foreach (var rule in rules)
        {
            ruleNumber++;
            var hits = IdsOf(_hits.GetValueOrDefault(rule.Id));
            var undecided = IdsOf(_undecided.GetValueOrDefault(rule.Id));
            var covered = _covered.GetValueOrDefault(rule.Id)?
                .Where(c => keyIds.ContainsKey(c.Key)).ToDictionary(c => keyIds[c.Key], c => c.Value);
            var counts = new int[4];
            var byKind = new Dictionary<string, int[]>(StringComparer.Ordinal);
            var failing = new List<CheckedResource>();
            var unfinished = _unfinished.Contains(rule.Id);
            if (!byPractice.TryGetValue(rule.Practice, out var inPractice))
            {
                byPractice[rule.Practice] = inPractice = new bool[keyIds.Count];
            }

            foreach (var i in IndicesOf(rule.Subjects))
            {
                var id = ids[i];
                if (seenBy[id] == ruleNumber)
                {
                    continue;
                }

                seenBy[id] = ruleNumber;
                var resource = resources[i];
                var hit = hits?.Contains(id) == true;
                var coveredBy = hit ? null : covered?.GetValueOrDefault(id);
                var verdict = hit || coveredBy is not null ? CheckVerdict.Fail
                    : !rule.Sources.Contains(sources[i]) ? CheckVerdict.NotApplicable
                    : unresolvedFile[i] || unfinished || undecided?.Contains(id) == true ? CheckVerdict.Unresolved
                    : CheckVerdict.Pass;
                counts[(int)verdict]++;
                if (!byKind.TryGetValue(resource.Kind, out var kindCounts))
                {
                    byKind[resource.Kind] = kindCounts = new int[4];
                }

                kindCounts[(int)verdict]++;
                if (verdict == CheckVerdict.Fail)
                {
                    failing.Add(new CheckedResource(resource.Span.Path, resource.Address, resource.Kind, coveredBy));
                }

                if (verdict != CheckVerdict.NotApplicable)
                {
                    inPractice[id] = true;
                }
            }

            var ordered = failing.OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Address, StringComparer.Ordinal).ThenBy(f => f.Kind, StringComparer.Ordinal).ToList();
            checks.Add(new RuleCheck
            {
                RuleId = rule.Id,
                Practice = rule.Practice,
                Counts = Counts(counts),
                ByKind = byKind.ToImmutableSortedDictionary(k => k.Key, k => Counts(k.Value), StringComparer.Ordinal),
                Failing = [.. ordered.Take(RuleCheck.MaxFailing)],
                FailingOmitted = Math.Max(0, ordered.Count - RuleCheck.MaxFailing),
            });
        }

        return (checks.ToImmutable(), byPractice.Where(p => p.Value.Contains(true)).ToImmutableSortedDictionary(p => p.Key, p => p.Value.Count(c => c)));
    }

    private static CheckCounts Counts(int[] byVerdict) => new(
        byVerdict[(int)CheckVerdict.Pass], byVerdict[(int)CheckVerdict.Fail], byVerdict[(int)CheckVerdict.NotApplicable], byVerdict[(int)CheckVerdict.Unresolved]);
}
