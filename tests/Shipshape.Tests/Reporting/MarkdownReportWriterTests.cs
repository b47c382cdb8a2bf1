using Shipshape.Core;
using Shipshape.Reporting;

namespace Shipshape.Tests.Reporting;

public sealed class MarkdownReportWriterTests
{
    private const string RulePages = "https://github.com/shipshape-sec/shipshape/blob/main/docs/rules/";

    private static string[] Lines(ScanReport report) =>
        ReportOutput.Text(new MarkdownReportWriter(), report).Split('\n');

    // A GFM table cell boundary is a '|' not preceded by a backslash.
    private static int CellSeparators(string line) =>
        line.Where((c, i) => c == '|' && (i == 0 || line[i - 1] != '\\')).Count();

    private static Finding Numbered(string ruleId, int i, int messageLength = 150) => SampleReport.Privileged with
    {
        RuleId = ruleId,
        Severity = Severity.Low,
        Location = new SourceSpan("services/service-" + i + "/deploy/task-definition.json", i, 1, i, 1),
        Message = ("Container 'web-" + i + "' in task definition 'app' ").PadRight(messageLength, 'x') + ".",
        Fingerprint = "fp-" + ruleId + "-" + i,
    };

    [Fact]
    public void Write_MessageWithPipeAndNewline_EscapesThemInOneRow()
    {
        var lines = Lines(SampleReport.WithMessage("left | right\nsecond line"));
        var row = lines.Single(l => l.StartsWith("| high |", StringComparison.Ordinal) && l.Contains("left", StringComparison.Ordinal));

        Assert.Equal("| high | infra/app one.yaml:42 | AppTaskDefinition | left \\| right<br>second line |", row);
        Assert.Equal(5, CellSeparators(row));
    }

    [Fact]
    public void Write_MessageWithMarkdown_CannotInjectLinksOrHtml()
    {
        var text = ReportOutput.Text(new MarkdownReportWriter(), SampleReport.WithMessage("[click](https://evil) <img src=x> `code`"));

        Assert.Contains("\\[click\\](https://evil) \\<img src=x\\> \\`code\\`", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SampleReport_StartsWithVerdictAndSummaryTable()
    {
        var lines = Lines(SampleReport.Create());

        Assert.Equal("## Shipshape scan results", lines[0]);
        Assert.Equal("**❌ exit 1: 1 finding at or above high (--fail-on high)**", lines[2]);
        Assert.Contains("| critical | 0 |", lines);
        Assert.Contains("| high | 1 |", lines);
        Assert.Contains("| medium | 1 |", lines);
        Assert.Contains("| low | 0 |", lines);
        Assert.Contains(lines, l => l.Contains("**2 findings** (1 suppressed)", StringComparison.Ordinal));
        Assert.True(Array.IndexOf(lines, "| critical | 0 |") < Array.IndexOf(lines, "### Findings by rule"));
    }

    [Fact]
    public void Write_Verdict_IsTheExitCodeAndItsReason()
    {
        Assert.Equal("**✅ exit 0: no findings (--fail-on high)**", Lines(SampleReport.Empty())[2]);
        Assert.Equal("**✅ exit 0: 1 finding at or above high, reported only (--soft-fail)**", Lines(SampleReport.Create() with { SoftFail = true })[2]);
        Assert.Equal("**❌ exit 1: 2 findings at or above medium (--fail-on medium)**", Lines(SampleReport.Create() with { FailOn = Severity.Medium })[2]);
        Assert.Equal(
            "**❌ exit 2: 0 inputs not checked, 1 checked in part (--fail-on-incomplete)**",
            Lines(SampleReport.Create() with { FailOnIncomplete = true })[2]); // broken.json is an error: checked in part
    }

    [Fact]
    public void Write_SampleReport_ChecklistMarksEachPracticeArea()
    {
        var lines = Lines(SampleReport.Create());

        Assert.Contains("- ✅ IAM management: no findings", lines);
        Assert.Contains("- ✅ Secrets management: no findings, 1 suppressed", lines); // its only finding is suppressed
        Assert.Contains("- ❌ Host and container security: 1 finding (1 high)", lines);
        Assert.Contains("- ❌ Logging and monitoring: 1 finding (1 medium)", lines);
        Assert.Equal(7, lines.Count(l => l.StartsWith("- ✅ ", StringComparison.Ordinal) || l.StartsWith("- ❌ ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Write_SampleReport_CollapsesEachRuleWithItsFixOnceAndListsDiagnostics()
    {
        var lines = Lines(SampleReport.Create()).ToList();
        var privileged = lines.IndexOf("<details><summary><b>SHP-CTR-001</b> Container runs privileged: 1 finding (1 high) · Host and container security</summary>");
        var logging = lines.IndexOf("<details><summary><b>SHP-LOG-003</b> Container has no log configuration: 1 finding (1 medium) · Logging and monitoring</summary>");

        Assert.True(privileged > 0 && logging > privileged, "the high rule comes before the medium one");
        Assert.Equal("**Fix:** Remediate SHP-CTR-001. [Rule page](" + RulePages + "SHP-CTR-001.md)", lines[privileged + 2]);
        Assert.Equal("| Severity | Location | Resource | Message |", lines[privileged + 4]);
        Assert.Equal("| high | infra/app one.yaml:42 | AppTaskDefinition | Container 'web' in task definition 'app' sets privileged to true. |", lines[privileged + 6]);
        Assert.Equal("</details>", lines[privileged + 8]);
        Assert.Equal("| medium | task-def.json | app | Container 'web' has no logConfiguration. |", lines[logging + 6]);
        Assert.DoesNotContain(lines, l => l.Contains("<b>SHP-SEC-002</b>", StringComparison.Ordinal)); // suppressed
        Assert.Contains("### What could not be checked", lines);
        Assert.Contains("- **error** broken.json:3: Unexpected token '}'.", lines);
        Assert.Contains("- **warning** huge.yaml: File is larger than 5 MB; skipped.", lines);
        Assert.DoesNotContain(lines, l => l.Contains("Truncated", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_SuppressedFinding_IsListedInCollapsedSection()
    {
        var lines = Lines(SampleReport.Create());

        Assert.Contains("<details><summary>1 suppressed finding</summary>", lines);
        Assert.Contains("| SHP-SEC-002 | task-def.json | app | config: Test key, rotated |", lines);
    }

    [Fact]
    public void Write_RuleWithManyFindings_ListsTheFirstTenAndCountsTheRest()
    {
        var report = SampleReport.Create() with { Findings = [.. Enumerable.Range(1, 25).Select(i => Numbered("SHP-CTR-001", i, 40))] };

        var lines = Lines(report);

        Assert.Equal(10, lines.Count(l => l.StartsWith("| low | services/", StringComparison.Ordinal)));
        Assert.Contains("15 more findings of SHP-CTR-001 not listed here.", lines);
        Assert.Contains(lines, l => l.StartsWith("> **Not all listed:** 15 of 25 findings are not listed here (at most 10 per rule). See the full report (SARIF or JSON", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_ThousandsOfFindings_FitsAGitHubCommentAndSaysHowManyWereLeftOut()
    {
        var findings = Enumerable.Range(0, 200).SelectMany(r => Enumerable.Range(1, 25).Select(i => Numbered("SHP-X-" + r.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), i)));
        var report = SampleReport.Create() with { Findings = [.. findings, SampleReport.Secret] };

        var text = ReportOutput.Text(new MarkdownReportWriter(), report);
        var lines = text.Split('\n');

        Assert.Equal(5000, report.Summary.Findings);
        Assert.InRange(text.Length, 60_000, MarkdownReportWriter.MaxLength); // UTF-16 code units, as GitHub counts
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(text) <= MarkdownReportWriter.MaxLength + 100, "a few multi-byte characters at most");
        var listed = lines.Count(l => l.StartsWith("| low | services/", StringComparison.Ordinal));
        Assert.InRange(listed, 100, 400);
        var note = Assert.Single(lines, l => l.StartsWith("> **Truncated:** ", StringComparison.Ordinal));
        Assert.StartsWith("> **Truncated:** " + (5000 - listed) + " of 5000 findings are not listed here (at most 10 per rule, and the list stops where GitHub's limit of 65,536 characters for a comment would be exceeded).", note, StringComparison.Ordinal);
        // Cut at a finding boundary: every group that was opened is closed, and the tail sections follow.
        Assert.Equal(lines.Count(l => l.StartsWith("<details>", StringComparison.Ordinal)), lines.Count(l => l == "</details>"));
        Assert.Contains("### What could not be checked", lines);
        Assert.Contains("<details><summary>1 suppressed finding</summary>", lines);
    }

    [Fact]
    public void Write_ThousandsOfDiagnostics_AreCappedWithACount()
    {
        var diagnostics = Enumerable.Range(1, 3000).Select(i => Diagnostic.Warning(SourceSpan.FileOnly("dir/file-" + i + ".yaml"), "could not read this file because of a reason long enough"));
        var report = SampleReport.Create() with { Diagnostics = [.. diagnostics] };

        var lines = Lines(report);

        var listed = lines.Count(l => l.StartsWith("- **warning** dir/file-", StringComparison.Ordinal));
        Assert.InRange(listed, 20, 100);
        Assert.Contains((3000 - listed) + " more diagnostics not listed; the JSON and SARIF reports have them all.", lines);
        Assert.True(string.Join('\n', lines).Length <= MarkdownReportWriter.MaxLength);
    }
}
