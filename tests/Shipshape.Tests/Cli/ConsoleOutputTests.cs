using Shipshape.Cli;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Cli;

/// <summary>The console report as a user's terminal or CI log gets it: colour from the environment, progress only on a terminal.</summary>
public sealed class ConsoleOutputTests
{
    private static string Sample => Path.Combine(TestPaths.Samples, "ecs-insecure", "web.json");

    [Theory]
    [InlineData(false, true, null, null, null, null, true)]    // a terminal
    [InlineData(false, false, null, null, null, null, false)]  // a pipe or a CI log
    [InlineData(false, true, null, null, "1", null, false)]    // NO_COLOR
    [InlineData(false, true, null, null, "", null, true)]      // NO_COLOR set but empty: ignored (no-color.org)
    [InlineData(false, false, "1", null, null, null, true)]    // FORCE_COLOR into a pipe
    [InlineData(false, false, "true", null, "1", null, true)]  // FORCE_COLOR beats NO_COLOR
    [InlineData(false, true, "0", null, null, null, false)]    // FORCE_COLOR=0 turns colour off
    [InlineData(false, false, null, "1", null, null, true)]    // CLICOLOR_FORCE
    [InlineData(false, false, null, "0", null, null, false)]   // CLICOLOR_FORCE=0 forces nothing
    [InlineData(true, true, "1", "1", null, null, false)]      // --no-color always wins
    [InlineData(false, true, null, null, null, "dumb", false)] // TERM=dumb
    public void Decide_FollowsOptionEnvironmentAndTerminal(bool noColorOption, bool terminal, string? forceColor, string? cliColorForce, string? noColor, string? term, bool expected)
    {
        var environment = new Dictionary<string, string?> { ["FORCE_COLOR"] = forceColor, ["CLICOLOR_FORCE"] = cliColorForce, ["NO_COLOR"] = noColor, ["TERM"] = term };

        Assert.Equal(expected, ColorPolicy.Decide(noColorOption, terminal, n => environment.GetValueOrDefault(n)));
    }

    [Fact]
    public void Process_ForceColorIntoAPipe_ColoursAndNoColorDoesNot()
    {
        var (_, plain, _) = ProcessCli.Run(TestPaths.Samples, "scan", Sample);
        var (_, forced, _) = ProcessCli.Run(TestPaths.Samples, new Dictionary<string, string?> { ["FORCE_COLOR"] = "1" }, "scan", Sample);
        var (_, cliForced, _) = ProcessCli.Run(TestPaths.Samples, new Dictionary<string, string?> { ["CLICOLOR_FORCE"] = "1" }, "scan", Sample);
        var (_, noColor, _) = ProcessCli.Run(TestPaths.Samples, new Dictionary<string, string?> { ["NO_COLOR"] = "1" }, "scan", Sample);

        Assert.DoesNotContain('\u001b', plain);
        Assert.Contains("\u001b[31mHIGH    \u001b[0m", forced, StringComparison.Ordinal);
        Assert.Contains("\u001b[31mHIGH    \u001b[0m", cliForced, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', noColor);
    }

    [Fact]
    public void Process_StandardErrorNotATerminal_NoProgressAndTheReportEndsWithTheExitReason()
    {
        var (code, stdout, stderr) = ProcessCli.Run(TestPaths.Samples, "scan", "ecs-insecure");

        Assert.Equal(1, code);
        Assert.DoesNotContain("Scanning", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', stderr);
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Matches("^exit 1: [0-9]+ findings at or above high \\(--fail-on high\\)$", lines[^1]);
        Assert.StartsWith("CRITICAL SHP-", lines[2], StringComparison.Ordinal);
        Assert.Contains("ecs-insecure/web.json:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_CompactAndVerboseTogether_IsAUsageError()
    {
        var (code, _, stderr) = await CliRunner.RunAsync("scan", Sample, "--compact", "--verbose");

        Assert.Equal(2, code);
        Assert.Contains("--compact and --verbose cannot be used together", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_JsonToStdout_ExitReasonGoesToStandardError()
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync("scan", Sample, "--format", "json", "--fail-on", "critical");

        Assert.Equal(1, code);
        Assert.StartsWith("{", stdout, StringComparison.Ordinal);
        Assert.Contains("shipshape: exit 1: 1 finding at or above critical (--fail-on critical)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_ConsoleExcerpt_IsWhatTheCommandPrints()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));
        var section = readme[readme.IndexOf("### Console output", StringComparison.Ordinal)..];
        var start = section.IndexOf("```text\n", StringComparison.Ordinal) + "```text\n".Length;
        var excerpt = section[start..section.IndexOf("\n```", start, StringComparison.Ordinal)].Split('\n');

        var (_, stdout, _) = ProcessCli.Run(TestPaths.RepoRoot, "scan", "samples/compose-insecure");

        // Every line the README shows is printed, in the same order; "…" marks what the README leaves out.
        var printed = stdout.TrimEnd('\n').Split('\n');
        var at = 0;
        foreach (var line in excerpt.Where(l => l.Trim() != "…"))
        {
            var found = Array.IndexOf(printed, line, at);
            Assert.True(found >= 0, $"README line not printed (in this order): {line}");
            at = found + 1;
        }

        Assert.Equal(printed[^1], excerpt[^1]);
    }

    [Fact]
    public void ProgressLine_DrawsFilesDoneOfAllInPlaceAndErasesItself()
    {
        using var stderr = new StringWriter();
        var progress = new ProgressLine(stderr);

        progress.Stage("Scanning 4 files");
        progress.Files(4, 4);
        progress.Clear();
        progress.Clear();

        Assert.Equal("\r\u001b[KScanning 4 files\r\u001b[KScanning: 4/4 files (100%)\r\u001b[K", stderr.ToString());
    }

    [PseudoTerminalFact]
    public void Process_OnATerminal_ShowsProgressOnStandardErrorAndErasesIt()
    {
        // script(1) runs the command with a pseudo-terminal as its standard streams; the report goes to a file.
        using var tree = new TempTree();
        var dll = Path.Combine(AppContext.BaseDirectory, "shipshape.dll");
        var command = $"dotnet '{dll}' scan '{Path.Combine(TestPaths.Samples, "ecs-insecure")}' --format json --output '{tree.PathOf("report.json")}'";
        var start = new System.Diagnostics.ProcessStartInfo(PseudoTerminalFactAttribute.Script) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-q", "-e", "-c", command, "/dev/null"])
        {
            start.ArgumentList.Add(a);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var terminal = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("Scanning: 11/11 files (100%)", terminal, StringComparison.Ordinal);
        Assert.Contains("\r\u001b[K", terminal, StringComparison.Ordinal);
        Assert.True(File.Exists(tree.PathOf("report.json")));
    }

    [Fact]
    public void Process_ReportToDevStdoutWhoseReaderLeaves_EndsInsteadOfBlocking()
    {
        // As `shipshape scan … --format sarif=/dev/stdout | head -c 120` does: the reader stops after a few bytes.
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])[Path.Combine(AppContext.BaseDirectory, "shipshape.dll"), "scan", Path.Combine(TestPaths.Samples, "ecs-insecure"), "--format", "sarif=/dev/stdout", "-q"])
        {
            start.ArgumentList.Add(a);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var buffer = new char[120];
        process.StandardOutput.ReadBlock(buffer, 0, buffer.Length);
        process.StandardOutput.Close();
        var exited = process.WaitForExit(TimeSpan.FromSeconds(60));
        if (!exited)
        {
            process.Kill(entireProcessTree: true);
        }

        Assert.True(exited, "the scan kept writing into a pipe nobody reads");
        Assert.StartsWith("{", new string(buffer).TrimStart(), StringComparison.Ordinal);
    }
}
