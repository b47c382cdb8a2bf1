using Shipshape.Core;
using Shipshape.Core.Model;
using Shipshape.Engine;
using Shipshape.Rules;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Engine;

/// <summary>Every file of the real-world corpus (../shared/corpus/realworld) must scan without a crash or hang.</summary>
public sealed class RealWorldCorpusTests
{
    // Speed is measured by tools/bench.sh, not asserted here: a generous per-file deadline keeps a loaded test machine
    // from turning a slow file into a "not checked" diagnostic, while a real hang still ends the file with one.
    private static readonly Lazy<ScanReport> Result = new(() =>
    {
        var root = Path.Combine(TestPaths.Shared, "corpus", "realworld");
        Assert.True(Directory.Exists(root), $"corpus missing at {root}");
        var report = new Scanner(RuleCatalog.CreateDefault()).Scan(new ScanOptions { Paths = [root], FileTimeout = TimeSpan.FromMinutes(2) });
        return report;
    });

    [SharedCorpusFact("corpus/realworld")]
    public void Scan_RealWorldCorpus_NoInternalErrorsAndTemplatesAreNotErrors()
    {
        var report = Result.Value;

        Assert.True(report.FilesScanned > 2000, $"only {report.FilesScanned} files scanned");
        var broken = report.Diagnostics.Where(d => d.Message.Contains("internal error", StringComparison.Ordinal) || d.Message.Contains("failed:", StringComparison.Ordinal)).ToList();
        Assert.True(broken.Count == 0, string.Join("\n", broken.Select(d => $"{d.Location.Path}:{d.Location.StartLine}: {d.Message}")));
        // Helm chart templates are recognised and skipped with a note, never reported as broken YAML.
        Assert.Contains(report.Diagnostics, d => d.Severity == DiagnosticSeverity.Info && d.Location.Path.EndsWith("helm-chart/templates/frontend.yaml", StringComparison.Ordinal));
        var templateErrors = report.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.Path.Contains("/templates/", StringComparison.Ordinal) && !d.Location.Path.Contains("gke-model-armor", StringComparison.Ordinal)).ToList();
        Assert.True(templateErrors.Count == 0, string.Join("\n", templateErrors.Select(d => $"{d.Location.Path}:{d.Location.StartLine}: {d.Message}")));
    }

    [SharedCorpusFact("corpus/realworld")]
    public void Scan_RealWorldCorpus_EveryDockerfileAndManifestIsReadInTime()
    {
        var report = Result.Value;
        var findingsByKind = report.Findings.GroupBy(f => f.Resource.Kind).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        // 105 Dockerfiles, every one a valid build: no parse errors, and findings on their stages.
        Assert.DoesNotContain(report.Diagnostics, d => d.Severity == DiagnosticSeverity.Error
            && Path.GetFileName(d.Location.Path).Contains("ockerfile", StringComparison.Ordinal));
        Assert.True(findingsByKind.GetValueOrDefault("DockerfileStage") > 300, $"Dockerfile stage findings: {findingsByKind.GetValueOrDefault("DockerfileStage")}");
        // Thousands of Kubernetes workloads from kubernetes/examples, the GKE samples and the EKS workshop.
        Assert.True(findingsByKind.GetValueOrDefault("Deployment") > 1000, $"Deployment findings: {findingsByKind.GetValueOrDefault("Deployment")}");
        Assert.True(findingsByKind.GetValueOrDefault("Pod") > 500, $"Pod findings: {findingsByKind.GetValueOrDefault("Pod")}");
    }
}
