using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Shipshape.Core;
using Shipshape.Engine;
using Shipshape.Rules;
using Shipshape.Tests.Support;
using Xunit.Abstractions;

namespace Shipshape.Tests.Secrets.Corpus;

/// <summary>
/// Scans the labelled corpus (<see cref="SecretCorpus"/>) as a tree with the secrets scanner only, as the CLI does, and
/// checks every file: positives reported at exactly their lines, negatives not at all; then per-class precision and recall.
/// </summary>
public sealed class SecretCorpusTests(ITestOutputHelper output)
{
    private static readonly Lazy<(ImmutableArray<CorpusCase> Cases, ScanReport Report)> Result = new(() =>
    {
        using var tree = new TempTree();
        foreach (var c in SecretCorpus.Cases)
        {
            tree.WriteBytes(PathOf(c), c.Content);
        }

        var report = new Scanner(RuleCatalog.CreateDefault()).Scan(new ScanOptions { Paths = [tree.Root], Scanners = ["secrets"] }).RelativeTo(tree.Root);
        return (SecretCorpus.Cases, report);
    });

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in SecretCorpus.Cases)
        {
            data.Add(PathOf(c));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Corpus_File_ReportedAtExactlyItsExpectedLines(string path)
    {
        var (cases, report) = Result.Value;
        var c = cases.Single(x => PathOf(x) == path);

        var lines = LinesReported(report, path);

        Assert.True(c.ExpectedLines.SequenceEqual(lines),
            $"{c}: expected lines [{string.Join(", ", c.ExpectedLines)}], reported [{string.Join(", ", lines)}]: {string.Join(" | ", Messages(report, path))}");
    }

    [Fact]
    public void Corpus_EveryClass_HasPositivesOrNegativesAndFullPrecisionAndRecall()
    {
        var (cases, report) = Result.Value;
        var table = new StringBuilder("| class | files | expected | found | reported | precision | recall |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        var perfect = true;
        foreach (var group in cases.GroupBy(c => c.Class))
        {
            int expected = 0, found = 0, reported = 0;
            foreach (var c in group)
            {
                var lines = LinesReported(report, PathOf(c));
                expected += c.ExpectedLines.Length;
                found += c.ExpectedLines.Count(lines.Contains);
                reported += lines.Length;
            }

            var precision = reported == 0 ? 1.0 : (double)found / reported;
            var recall = expected == 0 ? 1.0 : (double)found / expected;
            perfect &= precision == 1.0 && recall == 1.0;
            table.Append(CultureInfo.InvariantCulture, $"| {group.Key} | {group.Count()} | {expected} | {found} | {reported} | {precision:0.00} | {(expected == 0 ? "n/a" : recall.ToString("0.00", CultureInfo.InvariantCulture))} |\n");
        }

        output.WriteLine(table.ToString());
        Assert.Equal([.. SecretCorpus.PrecisionClasses, .. SecretCorpus.RecallClasses], cases.Select(c => c.Class).Distinct());
        Assert.All(SecretCorpus.PrecisionClasses, c => Assert.True(cases.Count(x => x.Class == c && !x.IsPositive) >= 5, $"{c}: fewer than 5 negative files"));
        Assert.All(SecretCorpus.RecallClasses, c => Assert.True(cases.Count(x => x.Class == c && x.IsPositive) >= 2, $"{c}: fewer than 2 positive files"));
        Assert.True(perfect, table.ToString());
    }

    private static string PathOf(CorpusCase c) =>
        $"{SecretCorpus.Cases.IndexOf(c).ToString("00", CultureInfo.InvariantCulture)}/{c.Path}";

    private static IEnumerable<Finding> SecretFindings(ScanReport report, string path) =>
        report.Findings.Where(f => f.Practice == Practice.Secrets && f.Location.Path == path);

    private static ImmutableArray<int> LinesReported(ScanReport report, string path) =>
        [.. SecretFindings(report, path).Select(f => f.Location.StartLine).Order()];

    private static IEnumerable<string> Messages(ScanReport report, string path) =>
        SecretFindings(report, path).Select(f => $"{f.RuleId}@{f.Location.StartLine}: {f.Message}");
}
