using Shipshape.Core;
using Shipshape.Reporting;

namespace Shipshape.Tests.Reporting;

public sealed class ConsoleReportWriterTests
{
    private static string Render(ScanReport report, bool color = false, ConsoleDetail detail = ConsoleDetail.Normal) =>
        ReportOutput.Text(new ConsoleReportWriter(color, detail), report);

    private static List<string> Lines(ScanReport report, ConsoleDetail detail = ConsoleDetail.Normal) =>
        [.. Render(report, detail: detail).TrimEnd('\n').Split('\n')];

    /// <summary>Three findings of two rules at several severities, in an order that is not the severity order.</summary>
    private static ScanReport Mixed()
    {
        var second = SampleReport.Privileged with { Location = new SourceSpan("a/first.yaml", 7, 1, 7, 1), Fingerprint = "fp-2" };
        var critical = SampleReport.Secret with { Suppression = null, Location = new SourceSpan("z/last.json", 3, 1, 3, 1) };
        return SampleReport.Create() with { Findings = [SampleReport.NoLogs, SampleReport.Privileged, critical, second], Diagnostics = [] };
    }

    [Fact]
    public void Write_WithoutColor_HasNoEscapeCharacters()
    {
        var text = Render(SampleReport.Create());

        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\r', text);
    }

    [Fact]
    public void Write_WithColor_PaintsSeverityAndResets()
    {
        var text = Render(SampleReport.Create(), color: true);

        Assert.Contains("\u001b[31mHIGH    \u001b[0m", text, StringComparison.Ordinal);
        Assert.Contains("\u001b[33mMEDIUM  \u001b[0m", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Findings_OneLinePerFindingMostSevereFirstThenByPathAndLine()
    {
        var lines = Lines(Mixed());

        var findingLines = lines.Where(l => l.StartsWith("CRITICAL", StringComparison.Ordinal) || l.StartsWith("HIGH", StringComparison.Ordinal) || l.StartsWith("MEDIUM", StringComparison.Ordinal)).ToList();
        Assert.Equal(
        [
            "CRITICAL SHP-SEC-002  z/last.json:3          Secret in container environment",
            "HIGH     SHP-CTR-001  a/first.yaml:7         Container runs privileged",
            "HIGH     SHP-CTR-001  infra/app one.yaml:42  Container runs privileged",
            "MEDIUM   SHP-LOG-003  task-def.json          Container has no log configuration",
        ], findingLines);
        Assert.Equal(2, lines.IndexOf(findingLines[0]));
    }

    [Fact]
    public void Write_TwoFindingsOfOneRule_FixShownOnceWithTheCount()
    {
        var text = Render(Mixed());

        Assert.Equal(1, CountOf(text, "Remediate SHP-CTR-001."));
        Assert.Contains("  SHP-CTR-001 Container runs privileged (2 findings)\n    Remediate SHP-CTR-001.\n", text, StringComparison.Ordinal);
        Assert.Contains("  SHP-SEC-002 Secret in container environment (1 finding)\n", text, StringComparison.Ordinal);

        // Rules in the order of their most severe finding.
        Assert.True(text.IndexOf("  SHP-SEC-002 Secret", StringComparison.Ordinal) < text.IndexOf("  SHP-CTR-001 Container", StringComparison.Ordinal));
        Assert.True(text.IndexOf("  SHP-CTR-001 Container", StringComparison.Ordinal) < text.IndexOf("  SHP-LOG-003 Container", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_Summary_CountsBySeverityAndPracticeArea()
    {
        var lines = Lines(Mixed());

        Assert.Contains("  4 findings: 1 critical, 2 high, 1 medium, 0 low, 0 info", lines);
        Assert.Contains("  ✖ Secrets management            1 critical", lines);
        Assert.Contains("  ✖ Host and container security   2 high", lines);
        Assert.Contains("  ✖ Logging and monitoring        1 medium", lines);
        Assert.Contains("  ✔ IAM management", lines);
    }

    [Fact]
    public void Write_FailingReport_LastLineIsTheExitReason()
    {
        var lines = Lines(Mixed());

        Assert.Equal("exit 1: 3 findings at or above high (--fail-on high)", lines[^1]);
    }

    [Fact]
    public void Write_SoftFailAndThresholdAndClean_LastLineSaysWhyZero()
    {
        Assert.Equal("exit 0: 3 findings at or above high, reported only (--soft-fail)", Lines(Mixed() with { SoftFail = true })[^1]);
        Assert.Equal("exit 0: no finding at or above critical; 3 below it (--fail-on critical)",
            Lines(Mixed() with { FailOn = Severity.Critical, Findings = [.. Mixed().Findings.Where(f => f.Severity != Severity.Critical)] })[^1]);
        Assert.Equal("exit 0: no findings (--fail-on high)", Lines(SampleReport.Empty())[^1]);
        Assert.Equal("exit 1: 1 finding at or above critical (--fail-on critical)", Lines(Mixed() with { FailOn = Severity.Critical })[^1]);
    }

    [Fact]
    public void Write_Compact_OnlyFindingLinesAndTheExitReason()
    {
        var lines = Lines(Mixed(), ConsoleDetail.Compact);

        Assert.Equal(6, lines.Count);
        Assert.StartsWith("CRITICAL SHP-SEC-002", lines[0], StringComparison.Ordinal);
        Assert.Equal(string.Empty, lines[4]);
        Assert.Equal("exit 1: 3 findings at or above high (--fail-on high)", lines[5]);
    }

    [Fact]
    public void Write_Verbose_ShowsMessageResourceEquivalentsAndSuppressedWithReason()
    {
        var text = Render(SampleReport.Create(), detail: ConsoleDetail.Verbose);

        Assert.Contains("HIGH     SHP-CTR-001  infra/app one.yaml:42  Container runs privileged\n"
            + "         Container 'web' in task definition 'app' sets privileged to true.\n"
            + "         AppTaskDefinition (AWS::ECS::TaskDefinition) containerDefinitions[web].privileged\n"
            + "         same as CKV_AWS_334, ECS.4\n", text, StringComparison.Ordinal);
        Assert.Contains("Suppressed\n  CRITICAL SHP-SEC-002  task-def.json  config: Test key, rotated\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_MaliciousMessage_StripsControlCharacters()
    {
        var text = Render(SampleReport.WithMessage("owned\u001b]0;title\u0007\u001b[2J\u009b31m\r\u0000\u007f done"), detail: ConsoleDetail.Verbose);

        Assert.Contains("         owned]0;title[2J31m done\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain(text, c => c < 0x20 && c != '\n');
        Assert.DoesNotContain(text, c => c >= 0x7f && c <= 0x9f);
    }

    [Fact]
    public void Write_MaliciousPathAndAddress_StripsControlCharacters()
    {
        var finding = SampleReport.Privileged with
        {
            Location = new SourceSpan("evil\u001b[31m.yaml", 1, 1, 1, 1),
            Resource = new ResourceRef("Res\u0085ource", "Kind\u001b", "a\u0008b"),
            Title = "Ti\u001btle",
        };
        var text = Render(SampleReport.Create() with { Findings = [finding] }, detail: ConsoleDetail.Verbose);

        Assert.Contains("HIGH     SHP-CTR-001  evil[31m.yaml:1  Title\n", text, StringComparison.Ordinal);
        Assert.Contains("         Resource (Kind) ab\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', text);
    }

    [Fact]
    public void Write_SuppressedFinding_IsCountedButNotListedByDefault()
    {
        var text = Render(SampleReport.Create());

        Assert.DoesNotContain("SHP-SEC-002", text, StringComparison.Ordinal);
        Assert.Contains("  2 findings: 0 critical, 1 high, 1 medium, 0 low, 0 info; 1 suppressed\n", text, StringComparison.Ordinal);
        Assert.EndsWith("Not fully checked: 0 inputs not checked, 1 checked in part (see the diagnostics).\n"
            + "exit 1: 1 finding at or above high (--fail-on high)\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Diagnostics_ErrorsAndWarningsListedInfoCounted()
    {
        var report = SampleReport.Create() with
        {
            Diagnostics = [.. SampleReport.Create().Diagnostics, Diagnostic.Info(SourceSpan.FileOnly("<discovery>"), "3 files were left out by .gitignore")],
        };

        var lines = Lines(report);
        var verbose = Lines(report, ConsoleDetail.Verbose);

        Assert.Contains("  error broken.json:3: Unexpected token '}'.", lines);
        Assert.Contains("  warning huge.yaml: File is larger than 5 MB; skipped.", lines);
        Assert.Contains("  1 informational diagnostic (--verbose shows them)", lines);
        Assert.Contains("  info <discovery>: 3 files were left out by .gitignore", verbose);
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
