using System.Text;
using System.Text.Json;
using Shipshape.Core;
using Shipshape.Reporting;
using Shipshape.Tests.Cli;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Hostile;

/// <summary>Class 6 of the hostile-input issue: whatever could not be fully checked is said, counted, and can fail the run.</summary>
public sealed class NeverPassSilentlyTests
{
    private const string PrivilegedTask = """{"family": "app", "containerDefinitions": [{"name": "web", "image": "nginx", "privileged": true}]}""";

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    public void Scan_TaskDefinitionSavedAsUtf16OrUtf32_IsDecodedAndChecked(string encoding)
    {
        var codec = encoding switch
        {
            "utf-16" => (Encoding)new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            "utf-16BE" => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
            _ => new UTF32Encoding(bigEndian: false, byteOrderMark: true),
        };
        using var tree = new TempTree();
        tree.WriteBytes("task.json", [.. codec.GetPreamble(), .. codec.GetBytes(PrivilegedTask)]);

        var report = HostileScan.Scan(tree);

        Assert.Contains(report.Findings, f => f.RuleId == "SHP-CTR-001" && f.Location.Path == "task.json");
    }

    [Fact]
    public void Scan_YamlFlowStyleThatIsNotJson_IsReadAsYaml()
    {
        using var tree = new TempTree();
        tree.Write("task.yaml", "{family: app, containerDefinitions: [{name: web, image: nginx, privileged: true}]}\n");

        var report = HostileScan.Scan(tree);

        Assert.Contains(report.Findings, f => f.RuleId == "SHP-CTR-001" && f.Location.Path == "task.yaml");
        Assert.Empty(report.Diagnostics);
    }

    [Fact]
    public void Scan_GitleaksConfigurationWithoutRules_IsAWarning()
    {
        using var tree = new TempTree();
        tree.Write(".gitleaks.toml", "title = \"nothing here\"\n");
        tree.Write("app.env", $"GH={HostileScan.GitHubToken(7)}\n");

        var report = HostileScan.Scan(tree, o => o with { Scanners = ["secrets"] });

        var warning = Assert.Single(report.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("defines no rules", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_AllowlistRegexThatTimesOut_KeepsTheFindingAndSaysSo()
    {
        using var tree = new TempTree();
        tree.Write(".gitleaks.toml", "[extend]\nuseDefault = true\n[[allowlists]]\nregexTarget = \"line\"\nregexes = ['''(a|aa)+b''']\n");
        tree.Write("app.txt", $"gh = \"{HostileScan.GitHubToken(8)}\" {new string('a', 60)}!\n");

        var report = HostileScan.Scan(tree, o => o with { Scanners = ["secrets"] });

        Assert.Single(report.Findings, f => f.RuleId == "SHP-SEC-100");
        var note = Assert.Single(report.Diagnostics, d => d.Location.Path == "app.txt");
        Assert.Equal(IncompleteKind.Partial, note.Incomplete);
        Assert.Contains("allowlist", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_NothingCheckable_ExitsTwoWithTheReason()
    {
        using var tree = new TempTree();
        tree.WriteBytes("logo.png", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0]);

        var (code, _, stderr) = await CliRunner.RunAsync("scan", tree.Root, "--quiet");

        Assert.Equal(2, code);
        Assert.Contains("nothing was checked", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_EverythingSkipped_ExitsTwoNamingWhy()
    {
        using var tree = new TempTree();
        tree.Write("task.json", PrivilegedTask);

        var (code, _, stderr) = await CliRunner.RunAsync("scan", tree.Root, "--max-file-size", "10", "--quiet");

        Assert.Equal(2, code);
        Assert.Contains("every input was skipped", stderr, StringComparison.Ordinal);
        Assert.Contains("over the limit of 10 bytes", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_FailOnIncomplete_TurnsASkippedFileIntoExitTwo()
    {
        using var tree = new TempTree();
        tree.Write("task.json", PrivilegedTask.Replace("true", "false", StringComparison.Ordinal));
        tree.Write("big.yaml", "a: " + new string('x', 2000) + "\n");

        var (lenient, _, _) = await CliRunner.RunAsync("scan", tree.Root, "--max-file-size", "1K", "--fail-on", "critical", "--quiet");
        var (strict, stdout, stderr) = await CliRunner.RunAsync("scan", tree.Root, "--max-file-size", "1K", "--fail-on", "critical", "--fail-on-incomplete");
        var (json, _, jsonStderr) = await CliRunner.RunAsync("scan", tree.Root, "--max-file-size", "1K", "--fail-on", "critical", "--fail-on-incomplete", "--format", "json");

        Assert.Equal(0, lenient);
        Assert.Equal(2, strict);
        Assert.Equal(2, json);

        // The reason once: last line of the console report, or on standard error when another format is on standard output.
        Assert.EndsWith("exit 2: 1 input not checked, 0 checked in part (--fail-on-incomplete)\n", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("exit 2", stderr, StringComparison.Ordinal);
        Assert.EndsWith("shipshape: exit 2: 1 input not checked, 0 checked in part (--fail-on-incomplete)\n", jsonStderr.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_SkippedFile_IsCountedInTheSummaryOfEveryFormat()
    {
        using var tree = new TempTree();
        tree.Write("task.json", PrivilegedTask);
        tree.Write("skipped-big.yaml", "a: " + new string('x', 2000) + "\n");

        foreach (var format in ReportWriters.Names)
        {
            var (_, stdout, _) = await CliRunner.RunAsync("scan", tree.Root, "--max-file-size", "1K", "--format", format, "--quiet", "--aws-account-id", "111122223333", "--aws-region", "eu-west-1");

            Assert.Contains("skipped-big.yaml", stdout, StringComparison.Ordinal);
            if (format == "json")
            {
                using var json = JsonDocument.Parse(stdout);
                Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("incomplete").GetProperty("notChecked").GetInt32());
            }
        }
    }

    [Theory]
    [InlineData("--max-file-size", "-5", "is not a size")]
    [InlineData("--max-file-size", "10XB", "is not a size")]
    [InlineData("--max-file-size", "99999999999999999999", "is not a size")]
    [InlineData("--file-timeout", "soon", "is not a duration")]
    [InlineData("--timeout", "0", "is not a duration")]
    public async Task Cli_MalformedOptionValue_ExitsTwoWithAPlainMessage(string option, string value, string expected)
    {
        using var tree = new TempTree();
        tree.Write("task.json", PrivilegedTask);

        var (code, _, stderr) = await CliRunner.RunAsync("scan", tree.Root, option, value);

        Assert.Equal(2, code);
        Assert.Contains($"{option}: '{value}' {expected}", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10MB", 10L * 1024 * 1024)]
    [InlineData("512k", 512L * 1024)]
    [InlineData("1GiB", 1L << 30)]
    [InlineData("2048", 2048L)]
    public void Quantities_SizesWithUnits_AreBytes(string text, long expected)
    {
        Assert.True(Shipshape.Engine.Configuration.Quantities.TryParseSize(text, out var bytes));
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public async Task Cli_ReportIntoAMissingDirectory_ExitsTwoBeforeScanning()
    {
        using var tree = new TempTree();
        tree.Write("task.json", PrivilegedTask);

        var (code, stdout, stderr) = await CliRunner.RunAsync("scan", tree.Root, "--format", "json", "--output", tree.PathOf("missing/dir/report.json"));

        Assert.Equal(2, code);
        Assert.Contains("cannot write", stderr, StringComparison.Ordinal);
        Assert.Empty(stdout);
    }

    [Fact]
    public void Scan_ConfiguredSizeLimitAboveTheDefault_IsTheLimitFilesAreReadWith()
    {
        var token = HostileScan.GitHubToken(11);
        using var tree = new TempTree();
        tree.Write(".shipshape.yaml", "maxFileSize: 20MB\n");
        tree.Write("big.txt", string.Concat(Enumerable.Repeat(new string('x', 1023) + "\n", 11 * 1024)) + $"gh = \"{token}\"\n");

        var report = HostileScan.Scan(tree, o => o with { Scanners = ["secrets"] });

        Assert.Single(report.Findings, f => f.Location.Path == "big.txt");
        Assert.DoesNotContain(report.Diagnostics, d => d.Location.Path == "big.txt");
    }
}
