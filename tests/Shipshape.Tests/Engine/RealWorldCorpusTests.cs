using Shipshape.Core;
using Shipshape.Engine;
using Shipshape.Rules;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Engine;

/// <summary>Every file of the real-world corpus (../shared/corpus/realworld) must scan without a crash.</summary>
public sealed class RealWorldCorpusTests
{
    [Fact]
    public void Scan_RealWorldCorpus_NoInternalErrorsAndTemplatesAreNotErrors()
    {
        var root = Path.Combine(TestPaths.Shared, "corpus", "realworld");
        Assert.True(Directory.Exists(root), $"corpus missing at {root}");

        var report = new Scanner(RuleCatalog.CreateDefault()).Scan(new ScanOptions { Paths = [root] });

        Assert.True(report.FilesScanned > 2000, $"only {report.FilesScanned} files scanned");
        Assert.DoesNotContain(report.Diagnostics, d => d.Message.Contains("internal error", StringComparison.Ordinal) || d.Message.Contains("failed:", StringComparison.Ordinal));
        // Helm chart templates are recognised and skipped with a note, never reported as broken YAML.
        Assert.Contains(report.Diagnostics, d => d.Severity == DiagnosticSeverity.Info && d.Location.Path.EndsWith("helm-chart/templates/frontend.yaml", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Location.Path.Contains("/templates/", StringComparison.Ordinal) && !d.Location.Path.Contains("gke-model-armor", StringComparison.Ordinal));
    }
}
