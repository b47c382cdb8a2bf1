using System.Collections.Concurrent;
using Shipshape.Core;
using Shipshape.Core.Model;
using Shipshape.Engine;
using Shipshape.Rules;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Rules;

/// <summary>
/// Every rule declares the model types it evaluates (its subjects), and what it reports is on them: the evaluation
/// records count resources by these declarations, so they must not drift from what the rules do.
/// </summary>
public sealed class RuleSubjectTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();

    [Fact]
    public void Metadata_EveryRule_DeclaresKnownSubjects()
    {
        var missing = Catalog.Metadata.Values.Where(m => m.Subjects.IsEmpty).Select(m => m.Id).ToList();

        Assert.True(missing.Count == 0, "no subjects: " + string.Join(", ", missing));
        Assert.All(Catalog.Metadata.Values.SelectMany(m => m.Subjects), s => Assert.Contains(s, ModelSubjects.All));
    }

    [Fact]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Tests run on the JIT and are never trimmed.")]
    public void ModelSubjects_NameEveryResourceType()
    {
        var types = typeof(Resource).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Resource))).Select(t => t.Name).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(types, ModelSubjects.All.Except(ModelSubjects.KubernetesKinds.Keys).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Scan_SamplesAndExamples_EveryHitIsOnADeclaredSubject()
    {
        var hits = new ConcurrentBag<(string Rule, Resource Resource, string Where)>();
        foreach (var sample in Directory.GetDirectories(TestPaths.Samples))
        {
            new Scanner(Catalog).Scan(new ScanOptions { Paths = [sample], ObserveHit = (rule, r) => hits.Add((rule, r, sample)) });
        }

        foreach (var metadata in Catalog.Metadata.Values)
        {
            foreach (var example in metadata.Examples)
            {
                using var tree = new TempTree();
                tree.Write(example.EffectiveFileName, example.Bad);
                new Scanner(Catalog).Scan(new ScanOptions { Paths = [tree.Root], ObserveHit = (rule, r) => hits.Add((rule, r, $"{metadata.Id} {example.Source} example")) });
            }
        }

        var undeclared = hits
            .Where(h => !Catalog.Get(h.Rule).Subjects.Any(s => ModelSubjects.Matches(h.Resource, s)))
            .Select(h => $"{h.Rule}: {h.Resource.GetType().Name} ({h.Where})")
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        var dump = Environment.GetEnvironmentVariable("SHIPSHAPE_DUMP_SUBJECTS");
        if (dump is not null)
        {
            File.WriteAllLines(dump, hits.Select(h => $"{h.Rule} {h.Resource.GetType().Name}").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        }

        Assert.True(undeclared.Count == 0, "hits outside the declared subjects:\n" + string.Join("\n", undeclared));
    }
}
