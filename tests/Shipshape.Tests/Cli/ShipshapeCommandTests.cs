using System.Text.Json;
using NJsonSchema;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Cli;

public sealed class ShipshapeCommandTests
{
    private static string Insecure => Path.Combine(TestPaths.Samples, "ecs-insecure");
    private static string Hardened => Path.Combine(TestPaths.Samples, "ecs-hardened");

    [Fact]
    public async Task Scan_InsecureSample_ExitsOneWithFindings()
    {
        var (code, stdout, _) = await CliRunner.RunAsync("scan", Insecure, "--quiet");

        Assert.Equal(1, code);
        Assert.Contains("SHP-CTR-001", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_HardenedSample_ExitsZeroEvenAtInfo()
    {
        var (code, _, stderr) = await CliRunner.RunAsync("scan", Hardened, "--fail-on", "info", "--format", "json");

        Assert.Equal(0, code);
        Assert.DoesNotContain("error:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_FailOnCritical_ExitCodeFollowsThreshold()
    {
        var (critical, _, _) = await CliRunner.RunAsync("scan", Path.Combine(Insecure, "api.json"), "--fail-on", "critical", "-q");
        var (low, _, _) = await CliRunner.RunAsync("scan", Path.Combine(Insecure, "api.json"), "--fail-on", "low", "-q");

        Assert.Equal(0, critical);
        Assert.Equal(1, low);
    }

    [Theory]
    [InlineData("scan", "--fail-on", "severe")]
    [InlineData("scan", "--format", "pdf")]
    [InlineData("scan", "--no-such-option")]
    [InlineData("scan", "--rule", "SHP-XXX-999")]
    [InlineData("explain", "SHP-XXX-999")]
    [InlineData("scan", "--config", "/nonexistent/.shipshape.yaml")]
    [InlineData("scan", "/nonexistent/infra")]
    public async Task Run_UsageErrors_ExitTwoWithMessageOnStderr(params string[] args)
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync(args);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("shipshape: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_JsonFormat_HasContractFields()
    {
        var (_, stdout, _) = await CliRunner.RunAsync("scan", Insecure, "--format", "json", "-q");

        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("shipshape", root.GetProperty("tool").GetProperty("name").GetString());
        var summary = root.GetProperty("summary");
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(findings.Count, summary.GetProperty("findings").GetInt32());
        var bySeverity = summary.GetProperty("bySeverity");
        Assert.Equal(findings.Count, new[] { "critical", "high", "medium", "low", "info" }.Sum(s => bySeverity.GetProperty(s).GetInt32()));
        Assert.Equal(11, summary.GetProperty("filesScanned").GetInt32());
        string[] practices = ["iam", "network", "secrets", "compliance", "host-and-container", "logging-and-monitoring", "pipeline"];
        foreach (var f in findings)
        {
            Assert.Matches("^SHP-[A-Z]{3}-[0-9]{3}$", f.GetProperty("ruleId").GetString());
            Assert.Contains(f.GetProperty("practice").GetString(), practices);
            Assert.Contains(f.GetProperty("severity").GetString(), new[] { "critical", "high", "medium", "low", "info" });
            var location = f.GetProperty("location");
            Assert.DoesNotContain('\\', location.GetProperty("path").GetString()!);
            Assert.False(Path.IsPathRooted(location.GetProperty("path").GetString()));
            Assert.True(location.GetProperty("startLine").GetInt32() > 0);
            Assert.False(string.IsNullOrEmpty(f.GetProperty("resource").GetProperty("address").GetString()));
            Assert.Matches("^[0-9a-f]{32}$", f.GetProperty("fingerprint").GetString());
            Assert.False(f.GetProperty("suppressed").GetBoolean());
        }
    }

    [Fact]
    public async Task Scan_SarifToFile_ValidatesAgainstSchema()
    {
        var output = Path.Combine(Path.GetTempPath(), $"shipshape-{Guid.NewGuid():N}.sarif");
        try
        {
            var (code, stdout, _) = await CliRunner.RunAsync("scan", Insecure, "--format", $"sarif={output}", "-q", "--no-color");
            Assert.Equal(1, code);
            Assert.Equal(string.Empty, stdout);

            var schema = await JsonSchema.FromFileAsync(TestPaths.SarifSchema);
            var sarif = await File.ReadAllTextAsync(output);
            Assert.Empty(schema.Validate(sarif));
            using var doc = JsonDocument.Parse(sarif);
            var run = doc.RootElement.GetProperty("runs")[0];
            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
            foreach (var result in run.GetProperty("results").EnumerateArray())
            {
                Assert.Equal(result.GetProperty("ruleId").GetString(), rules[result.GetProperty("ruleIndex").GetInt32()]);
                Assert.Equal("%SRCROOT%", result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
            }
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task Scan_NeverPrintsTheSecretValues_InAnyFormat()
    {
        foreach (var format in new[] { "console", "json", "sarif", "junit", "markdown", "html", "asff", "ocsf", "cyclonedx", "spdx" })
        {
            var (_, stdout, stderr) = await CliRunner.RunAsync("scan", Insecure, "--format", format, "--aws-account-id", "111122223333", "--aws-region", "eu-west-1");

            Assert.DoesNotContain("AKIAZ7Q3XKJ4TLM2WQPB", stdout + stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2-shop-prod", stdout + stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Scan_SourceLockfiles_ReadOnlyForAnSbom()
    {
        // An empty package-lock.json names no package: the SBOM says so; a plain report does not parse lockfiles at all.
        using var tree = new TempTree();
        tree.Write("web/package-lock.json", "{\"name\": \"web\", \"lockfileVersion\": 3, \"packages\": {}}\n");

        var (_, json, _) = await CliRunner.RunAsync("scan", tree.Root, "--format", "json");
        var (_, sbom, stderr) = await CliRunner.RunAsync("scan", tree.Root, "--format", "cyclonedx=" + tree.PathOf("bom.json"), "--format", "json");

        Assert.DoesNotContain("lockfile names no package", json, StringComparison.Ordinal);
        Assert.Contains("lockfile names no package", sbom, StringComparison.Ordinal);
        Assert.True(File.Exists(tree.PathOf("bom.json")), stderr);
    }

    [Fact]
    public async Task Rules_JsonFormat_ListsEveryRuleWithPractice()
    {
        var (code, stdout, _) = await CliRunner.RunAsync("rules", "--format", "json");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var rules = doc.RootElement.GetProperty("rules").EnumerateArray().ToList();
        Assert.Contains(rules, r => r.GetProperty("id").GetString() == "SHP-CTR-001" && r.GetProperty("practice").GetString() == "host-and-container");
    }

    [Fact]
    public async Task Explain_KnownRule_PrintsRemediation()
    {
        var (code, stdout, _) = await CliRunner.RunAsync("explain", "shp-ctr-001");

        Assert.Equal(0, code);
        Assert.Contains("SHP-CTR-001", stdout, StringComparison.Ordinal);
        Assert.Contains("privileged", stdout, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Version_PrintsSemanticVersion()
    {
        var (code, stdout, _) = await CliRunner.RunAsync("version");

        Assert.Equal((0, "shipshape 0.1.0\n"), (code, stdout));
    }
}
