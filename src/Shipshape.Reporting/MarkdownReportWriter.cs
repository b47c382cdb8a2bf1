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

    /// <summary>The findings each rule lists at most; its group says how many more it has.</summary>
    public const int RowsPerRule = 10;

    public string Format => "markdown";

    public void Write(ScanReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        var head = Head(report);
        var suppressed = Suppressed(report);
        var diagnostics = Diagnostics(report);
        var budget = MaxLength - head.Length - suppressed.Length - diagnostics.Length - NoteReserve;
        var (findings, listed, cut) = Findings(report, budget);
        var total = report.Summary.Findings;

        using var md = ReportEncoding.CreateTextWriter(output);
        md.Write(head);
        md.Write(findings);
        if (listed < total)
        {
            md.Write("\n> **" + (cut ? "Truncated" : "Not all listed") + ":** " + ReportFacts.Invariant(total - listed) + " of " + ReportFacts.Plural(total, "finding")
                + " are not listed here (at most " + ReportFacts.Invariant(RowsPerRule) + " per rule"
                + (cut ? ", and the list stops where GitHub's limit of 65,536 characters for a comment would be exceeded). " : "). ")
                + "See the full report (SARIF or JSON: `--format sarif=shipshape.sarif`, `--format json=shipshape.json`) for all of them.\n");
        }

        md.Write(suppressed);
        md.Write(diagnostics);
    }

    private static string Head(ScanReport report)
    {
        var summary = report.Summary;
        var active = report.Active.ToList();
        var verdict = ScanVerdict.Of(report);
        var fails = verdict.ExitCode != 0;
        var md = new StringBuilder();
        md.Append("## Shipshape scan results\n\n");
        md.Append("**" + (fails ? "❌ " : "✅ ") + MarkdownText.Escape(verdict.Reason) + "**\n\n");
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

    /// <summary>
    /// The findings section within <paramref name="budget"/> characters, how many findings it lists and whether
    /// the budget cut it short: one
    /// collapsed group per rule, most severe rule first, each listing at most <see cref="RowsPerRule"/> findings.
    /// </summary>
    private static (string Text, int Listed, bool Cut) Findings(ScanReport report, int budget)
    {
        var md = new StringBuilder();
        var listed = 0;
        var rules = ReportFacts.ByRule(report.Active);
        if (rules.Count == 0)
        {
            return (string.Empty, 0, false);
        }

        md.Append("\n### Findings by rule\n");
        foreach (var (ruleId, findings) in rules)
        {
            var rule = ReportFacts.RuleFor(report, findings[0]);
            var open = "\n<details><summary><b>" + WebUtility.HtmlEncode(ruleId) + "</b> " + WebUtility.HtmlEncode(TerminalText.Sanitize(rule.Title))
                + ": " + ReportFacts.Plural(findings.Count, "finding") + " (" + ReportFacts.SeverityCounts(findings) + ") · " + rule.Practice.ToTitle() + "</summary>\n\n"
                + (string.IsNullOrWhiteSpace(rule.Remediation) ? string.Empty : "**Fix:** " + MarkdownText.Escape(rule.Remediation) + " ")
                + (report.Rules.ContainsKey(ruleId) ? "[Rule page](" + ReportFacts.RuleDocumentationUri(ruleId) + ")" : string.Empty) + "\n\n"
                + "| Severity | Location | Resource | Message |\n| --- | --- | --- | --- |\n";
            var rows = findings.Take(RowsPerRule).Select(Row).ToList();
            string Close(int shown) => (findings.Count > shown
                ? "\n" + ReportFacts.Plural(findings.Count - shown, "more finding") + " of " + ruleId + " not listed here.\n"
                : string.Empty) + "\n</details>\n";

            // Room for the longest closing line, so that a group cut short can still be closed.
            var closeRoom = Close(0).Length;
            if (md.Length + open.Length + rows[0].Length + closeRoom > budget)
            {
                return (md.ToString(), listed, true);
            }

            md.Append(open);
            for (var i = 0; i < rows.Count; i++)
            {
                if (md.Length + rows[i].Length + closeRoom > budget)
                {
                    md.Append(Close(i));
                    return (md.ToString(), listed, true);
                }

                md.Append(rows[i]);
                listed++;
            }

            md.Append(Close(rows.Count));
        }

        return (md.ToString(), listed, false);
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
