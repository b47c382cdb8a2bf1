using System.Text.Json;
using Shipshape.Engine;
using Shipshape.Rules;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Ingest.Terraform;

/// <summary>
/// For every Terraform check of the checkov corpus (../shared/corpus/checkov/terraform) that a Shipshape rule
/// names as an equivalent, each failing resource gets a finding of that rule and no passing resource does,
/// except where the fixture contradicts the Amazon ECS documentation (listed below, with the reason).
/// </summary>
public sealed class CheckovTerraformCorpusTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();

    private static string CorpusRoot => Path.Combine(TestPaths.Shared, "corpus", "checkov", "terraform");

    /// <summary>Fixtures whose expectation the AWS documentation contradicts: (check, resource) → why the documentation wins.</summary>
    private static readonly Dictionary<(string Check, string Resource), string> DocumentedExceptions = new()
    {
        [("CKV_AWS_334", "aws_ecs_task_definition.fail")] =
            "the container sets 'privilege', which is not a container definition parameter; the ECS API's key is 'privileged' "
            + "(Task definition parameters, Security: privileged), so ECS ignores it and the container is not privileged",
        [("CKV_AWS_335", "aws_ecs_task_definition.fail")] =
            "the fixture sets pidMode inside a container definition, but pidMode is a task-level parameter "
            + "(Task definition parameters, Process namespace: pidMode; Terraform's pid_mode on the resource); inside a container ECS ignores it",
    };

    public static TheoryData<string, string> CoveredChecks()
    {
        var data = new TheoryData<string, string>();
        foreach (var directory in Directory.EnumerateDirectories(CorpusRoot).Order(StringComparer.Ordinal))
        {
            using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "expected.json")));
            var check = expected.RootElement.GetProperty("check_id").GetString()!;
            var rule = Catalog.Metadata.Values.FirstOrDefault(m => m.Equivalents.Contains(check, StringComparer.Ordinal));
            if (rule is not null)
            {
                data.Add(Path.GetFileName(directory), rule.Id);
            }
        }

        return data;
    }

    [Fact]
    public void CoveredChecks_AreTheEcsTaskDefinitionChecks()
    {
        Assert.Equal(
            ["ECSContainerHostProcess", "ECSContainerPrivilege", "ECSContainerReadOnlyRoot", "ECSTaskDefinitionEFSVolumeEncryption", "ECSTaskDefinitionRoleCheck"],
            CoveredChecks().Select(row => (string)row[0]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CoveredChecks))]
    public void CheckovFixture_Rule_FailingResourcesHitPassingDoNot(string checkDirectory, string ruleId)
    {
        var directory = Path.Combine(CorpusRoot, checkDirectory);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "expected.json")));
        var root = expected.RootElement;
        var check = root.GetProperty("check_id").GetString()!;
        var perFile = root.TryGetProperty("resource_id_format", out var format) && format.GetString() == "file:address";
        var failing = root.GetProperty("failing_resources").EnumerateArray().Select(e => e.GetString()!).ToList();
        var passing = root.GetProperty("passing_resources").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.NotEmpty(failing);
        Assert.NotEmpty(passing);

        var hits = perFile ? HitsPerFile(directory, ruleId) : Hits(directory, ruleId, prefix: null);

        foreach (var resource in failing)
        {
            if (DocumentedExceptions.ContainsKey((check, resource)))
            {
                Assert.DoesNotContain(resource, hits);
                continue;
            }

            Assert.True(hits.Contains(resource), $"{check}: failing resource {resource} has no {ruleId} finding (hits: {string.Join(", ", hits)})");
        }

        foreach (var resource in passing)
        {
            Assert.False(hits.Contains(resource), $"{check}: passing resource {resource} has a {ruleId} finding");
        }
    }

    private static HashSet<string> HitsPerFile(string directory, string ruleId) =>
        Directory.EnumerateFiles(directory, "*.tf")
            .SelectMany(f => Hits(f, ruleId, Path.GetFileName(f) + ":"))
            .ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> Hits(string path, string ruleId, string? prefix)
    {
        var report = new Scanner(Catalog).Scan(new ScanOptions { Paths = [path], OnlyRules = [ruleId] });
        Assert.DoesNotContain(report.Diagnostics, d => d.Severity == Shipshape.Core.DiagnosticSeverity.Error);
        return report.Findings.Select(f => prefix + f.Resource.Address).ToHashSet(StringComparer.Ordinal);
    }
}
