using System.Net;
using System.Text;
using Shipshape.Core;

namespace Shipshape.Reporting;

/// <summary>
/// Writes a Markdown report that fits a GitHub pull-request comment: the summary first (verdict, counts by
/// severity and by practice area), then the findings per practice area and per rule, each rule collapsed with
/// its fix once, then suppressed findings and what could not be checked. The whole stays within
/// <see cref="MaxLength"/> characters: when the findings do not fit, the list stops at a finding boundary with a
/// note of how many were left out.
/// </summary>
public sealed class MarkdownReportWriter : IReportWriter
{
    /// <summary>GitHub's limit on the body of an issue or pull-request comment, in characters.</summary>
    public const int MaxLength = 65_536;

    // The suppressed findings and the diagnostics each get at most this much, so that findings keep most of the room.
    private const int SectionBudget = 6_000;
    private const int NoteReserve = 400;

    public string Format => "markdown";

    public void Write(ScanReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        var head = Head(report);
        var suppressed = Suppressed(report);
        var diagnostics = Diagnostics(report);
        var budget = MaxLength - head.Length - suppressed.Length - diagnostics.Length - NoteReserve;
        var (findings, listed) = Findings(report, budget);
        var total = report.Summary.Findings;

        using var md = ReportEncoding.CreateTextWriter(output);
        md.Write(head);
        md.Write(findings);
        if (listed < total)
        {
            md.Write("\n> **Truncated:** " + ReportFacts.Invariant(total - listed) + " of " + ReportFacts.Plural(total, "finding")
                + " are not listed here, to keep this comment within GitHub's limit of 65,536 characters. "
                + "See the full report (SARIF, JSON or HTML: `--format sarif=shipshape.sarif`, `--format html=shipshape.html`) for all of them.\n");
        }

        md.Write(suppressed);
        md.Write(diagnostics);
    }

    private static string Head(ScanReport report)
    {
        var summary = report.Summary;
        var active = report.Active.ToList();
        var (fails, verdict) = ReportFacts.Verdict(report);
        var md = new StringBuilder();
        md.Append("## Shipshape scan results\n\n");
        md.Append("**" + (fails ? "❌ " : "✅ ") + MarkdownText.Escape(verdict) + "**\n\n");
        md.Append("Scanned " + ReportFacts.Plural(summary.FilesScanned, "file") + " and "
            + ReportFacts.Plural(summary.Resources, "resource") + ": **" + ReportFacts.Plural(summary.Findings, "finding")
            + "**" + (summary.Suppressed > 0 ? " (" + ReportFacts.Invariant(summary.Suppressed) + " suppressed)" : string.Empty)
            + ". Shipshape " + MarkdownText.Escape(report.ToolVersion) + ".\n\n");
        if (ReportFacts.Coverage(summary) is { } coverage)
        {
            md.Append("> **" + MarkdownText.Escape(coverage) + "**\n\n");
        }

        md.Append("| Severity | Findings |\n| --- | ---: |\n");
        foreach (var severity in SeverityNames.Descending)
        {
            md.Append("| " + severity.ToName() + " | " + ReportFacts.Invariant(summary.BySeverity.GetValueOrDefault(severity)) + " |\n");
        }

        md.Append("\n### Checklist\n\n");
        foreach (var practice in PracticeNames.All)
        {
            var inArea = active.Where(f => f.Practice == practice).ToList();
            var suppressedInArea = report.Findings.Count(f => f.Suppressed && f.Practice == practice);
            md.Append((inArea.Count == 0
                    ? "- ✅ " + practice.ToTitle() + ": no findings"
                    : "- ❌ " + practice.ToTitle() + ": " + ReportFacts.Plural(inArea.Count, "finding")
                      + " (" + ReportFacts.SeverityCounts(inArea) + ")")
                + (suppressedInArea > 0 ? ", " + ReportFacts.Invariant(suppressedInArea) + " suppressed" : string.Empty) + "\n");
        }

        return md.ToString();
    }

    /// <summary>The findings section within <paramref name="budget"/> characters, and how many findings it lists.</summary>
    private static (string Text, int Listed) Findings(ScanReport report, int budget)
    {
        var md = new StringBuilder();
        var listed = 0;
        var active = report.Active.ToList();
        if (active.Count == 0)
        {
            return (string.Empty, 0);
        }

        md.Append("\n### Findings\n");
        foreach (var practice in PracticeNames.All)
        {
            var rules = ReportFacts.ByRule(active.Where(f => f.Practice == practice));
            var heading = "\n#### " + practice.ToTitle() + "\n";
            foreach (var (ruleId, findings) in rules)
            {
                var rule = ReportFacts.RuleFor(report, findings[0]);
                var open = heading
                    + "\n<details><summary><b>" + WebUtility.HtmlEncode(ruleId) + "</b> " + WebUtility.HtmlEncode(TerminalText.Sanitize(rule.Title))
                    + ": " + ReportFacts.Plural(findings.Count, "finding") + " (" + ReportFacts.SeverityCounts(findings) + ")</summary>\n\n"
                    + (string.IsNullOrWhiteSpace(rule.Remediation) ? string.Empty : "**Fix:** " + MarkdownText.Escape(rule.Remediation) + " ")
                    + (report.Rules.ContainsKey(ruleId) ? "[Rule page](" + ReportFacts.RuleDocumentationUri(ruleId) + ")" : string.Empty) + "\n\n"
                    + "| Severity | Location | Resource | Message |\n| --- | --- | --- | --- |\n";
                const string close = "\n</details>\n";
                var rows = findings.Select(Row).ToList();
                if (md.Length + open.Length + rows[0].Length + close.Length > budget)
                {
                    return (md.ToString(), listed);
                }

                md.Append(open);
                heading = string.Empty;
                foreach (var row in rows)
                {
                    if (md.Length + row.Length + close.Length > budget)
                    {
                        md.Append(close);
                        return (md.ToString(), listed);
                    }

                    md.Append(row);
                    listed++;
                }

                md.Append(close);
            }
        }

        return (md.ToString(), listed);
    }

    private static string Row(Finding finding) =>
        "| " + finding.Severity.ToName()
        + " | " + MarkdownText.Escape(ReportFacts.Clip(finding.Location.ToString(), 300))
        + " | " + MarkdownText.Escape(ReportFacts.Clip(finding.Resource.QualifiedAddress, 300))
        + " | " + MarkdownText.Escape(ReportFacts.Clip(finding.Message, 500)) + " |\n";

    private static string Suppressed(ScanReport report)
    {
        var suppressed = ReportFacts.BySeverityThenLocation(report.Findings.Where(f => f.Suppressed));
        if (suppressed.Count == 0)
        {
            return string.Empty;
        }

        var md = new StringBuilder();
        md.Append("\n<details><summary>" + ReportFacts.Plural(suppressed.Count, "suppressed finding") + "</summary>\n\n");
        md.Append("| Rule | Location | Resource | Suppression |\n| --- | --- | --- | --- |\n");
        var rows = suppressed.Select(f => "| " + MarkdownText.Escape(f.RuleId) + " | " + MarkdownText.Escape(ReportFacts.Clip(f.Location.ToString(), 300))
            + " | " + MarkdownText.Escape(ReportFacts.Clip(f.Resource.QualifiedAddress, 300)) + " | " + f.Suppression!.Kind.ToName()
            + (string.IsNullOrEmpty(f.Suppression.Reason) ? string.Empty : ": " + MarkdownText.Escape(ReportFacts.Clip(f.Suppression.Reason, 300)))
            + " |\n");
        AppendWithin(md, rows.ToList(), "suppressed finding");
        md.Append("\n</details>\n");
        return md.ToString();
    }

    private static string Diagnostics(ScanReport report)
    {
        if (report.Diagnostics.IsEmpty)
        {
            return string.Empty;
        }

        var md = new StringBuilder();
        md.Append("\n### What could not be checked\n\n");
        var rows = ReportFacts.DiagnosticsByImportance(report).Select(d =>
            "- **" + d.Severity.ToName() + "**" + (d.Incomplete is { } kind ? " (" + kind.ToName() + ")" : string.Empty) + " "
            + MarkdownText.Escape(ReportFacts.Clip(d.Location.ToString(), 300)) + ": " + MarkdownText.Escape(ReportFacts.Clip(d.Message, 500)) + "\n");
        AppendWithin(md, rows.ToList(), "diagnostic");
        return md.ToString();
    }

    /// <summary>Appends the items that fit in <see cref="SectionBudget"/>, then a line counting those left out.</summary>
    private static void AppendWithin(StringBuilder md, List<string> items, string singular)
    {
        var start = md.Length;
        for (var i = 0; i < items.Count; i++)
        {
            if (md.Length - start + items[i].Length > SectionBudget)
            {
                md.Append("\n" + ReportFacts.Plural(items.Count - i, "more " + singular) + " not listed; the JSON and SARIF reports have them all.\n");
                return;
            }

            md.Append(items[i]);
        }
    }
}
