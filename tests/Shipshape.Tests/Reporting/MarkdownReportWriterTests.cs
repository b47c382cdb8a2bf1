using Shipshape.Reporting;

namespace Shipshape.Tests.Reporting;

public sealed class MarkdownReportWriterTests
{
    private static string[] Lines(Shipshape.Core.ScanReport report) =>
        ReportOutput.Text(new MarkdownReportWriter(), report).Split('\n');

    // A GFM table cell boundary is a '|' not preceded by a backslash.
    private static int CellSeparators(string line) =>
        line.Where((c, i) => c == '|' && (i == 0 || line[i - 1] != '\\')).Count();

    [Fact]
    public void Write_MessageWithPipeAndNewline_EscapesThemInOneRow()
    {
        var lines = Lines(SampleReport.WithMessage("left | right\nsecond line"));
        var row = lines.Single(l => l.Contains("SHP-CTR-001", StringComparison.Ordinal) && l.Contains("left", StringComparison.Ordinal));

        Assert.Contains("left \\| right<br>second line", row, StringComparison.Ordinal);
        Assert.Equal(6, CellSeparators(row));
    }

    [Fact]
    public void Write_MessageWithMarkdown_CannotInjectLinksOrHtml()
    {
        var text = ReportOutput.Text(new MarkdownReportWriter(), SampleReport.WithMessage("[click](https://evil) <img src=x> `code`"));

        Assert.Contains("\\[click\\](https://evil) \\<img src=x\\> \\`code\\`", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SampleReport_HasSummaryTableWithActiveCounts()
    {
        var lines = Lines(SampleReport.Create());

        Assert.StartsWith("## ", lines[0], StringComparison.Ordinal);
        Assert.Contains("| critical | 0 |", lines);
        Assert.Contains("| high | 1 |", lines);
        Assert.Contains("| medium | 1 |", lines);
        Assert.Contains("| low | 0 |", lines);
        Assert.Contains(lines, l => l.Contains("**2 findings** (1 suppressed)", StringComparison.Ordinal));
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
    public void Write_SampleReport_GroupsFindingsByPracticeAndListsDiagnostics()
    {
        var lines = Lines(SampleReport.Create()).ToList();
        var host = lines.IndexOf("### Host and container security");
        var logging = lines.IndexOf("### Logging and monitoring");

        Assert.True(host > 0 && logging > host);
        Assert.Equal("| high | SHP-CTR-001 Container runs privileged | infra/app one.yaml:42 | AppTaskDefinition | Container 'web' in task definition 'app' sets privileged to true. |", lines[host + 4]);
        Assert.Equal("| medium | SHP-LOG-003 Container has no log configuration | task-def.json | app | Container 'web' has no logConfiguration. |", lines[logging + 4]);
        Assert.DoesNotContain("### Secrets management", lines);
        Assert.Contains("- **error** broken.json:3: Unexpected token '}'.", lines);
        Assert.Contains("- **warning** huge.yaml: File is larger than 5 MB; skipped.", lines);
    }

    [Fact]
    public void Write_SuppressedFinding_IsListedInCollapsedSection()
    {
        var lines = Lines(SampleReport.Create());

        Assert.Contains("<details><summary>1 suppressed finding</summary>", lines);
        Assert.Contains("| SHP-SEC-002 | task-def.json | app | config: Test key, rotated |", lines);
    }
}
