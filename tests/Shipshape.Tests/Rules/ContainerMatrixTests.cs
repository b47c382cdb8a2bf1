using Shipshape.Engine;
using Shipshape.Rules;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Rules;

/// <summary>
/// The container concepts in every format that can express them (Fixtures/matrix: one folder per concept, one file
/// per format: ECS task definition JSON, CloudFormation, Terraform, Kubernetes, compose, Dockerfile), each written as the
/// format's documentation writes it: the concept's one rule reports it, at the line of the offending value (or of
/// the container that lacks it), with the same severity whatever the format.
/// </summary>
public sealed class ContainerMatrixTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();

    private static string MatrixRoot => Path.Combine(AppContext.BaseDirectory, "Fixtures", "matrix");

    public static TheoryData<string, string, int> Cells()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var line in File.ReadAllLines(Path.Combine(MatrixRoot, "cells.tsv")).Where(l => !l.StartsWith('#')))
        {
            var parts = line.Split('\t');
            data.Add(parts[0], parts[1], int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Scan_ConceptInFormat_ReportedByItsRuleAtTheLine(string rule, string file, int line)
    {
        using var tree = new TempTree();
        tree.Write(Path.GetFileName(file), File.ReadAllText(Path.Combine(MatrixRoot, file)));

        var report = new Scanner(Catalog).Scan(new ScanOptions { Paths = [tree.Root] });

        var lines = report.Findings.Where(f => f.RuleId == rule).Select(f => f.Location.StartLine).ToList();
        Assert.True(lines.Contains(line), $"{rule} in {file}: expected at line {line}, reported at [{string.Join(", ", lines)}]");
        Assert.All(report.Findings.Where(f => f.RuleId == rule), f => Assert.Equal(Catalog.Get(rule).Severity, f.Severity));
    }

    [Fact]
    public void Matrix_EveryConcept_CoversEveryFormatThatCanExpressIt()
    {
        var formats = Cells().Select(row => (string)row[1]).GroupBy(f => f.Split('/')[0]).ToDictionary(g => g.Key, g => g.Select(f => Path.GetFileName(f)).ToHashSet());

        // Kubernetes has no per-container logging; compose and Kubernetes are the CPU-limit cells that need their own
        // fixture (ECS's is in the rule's examples): every other concept exists in all five formats.
        var partial = new Dictionary<string, int> { ["logging-off"] = 4, ["cpu-limit"] = 2 };
        // A Dockerfile expresses the image's user, base image tag, ENV/ARG values and HEALTHCHECK.
        string[] inDockerfiles = ["root", "mutable-tag", "secret-in-environment", "health-check-off"];
        Assert.All(formats, f => Assert.Equal(partial.GetValueOrDefault(f.Key, 5) + (inDockerfiles.Contains(f.Key) ? 1 : 0), f.Value.Count));
    }
}
