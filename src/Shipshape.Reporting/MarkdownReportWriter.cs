using Shipshape.Core;

namespace Shipshape.Reporting;

/// <summary>Writes a Markdown summary for pull-request and merge-request comments.</summary>
public sealed class MarkdownReportWriter : IReportWriter
{
    public string Format => "markdown";

    public void Write(ScanReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        using var md = ReportEncoding.CreateTextWriter(output);
        var summary = report.Summary;
        var active = report.Active.ToList();

        md.WriteLine("## Shipshape scan results");
        md.WriteLine();
        md.WriteLine(
            "Scanned " + ReportFacts.Plural(summary.FilesScanned, "file") + " and "
            + ReportFacts.Plural(summary.Resources, "resource") + ": **" + ReportFacts.Plural(summary.Findings, "finding")
            + "**" + (summary.Suppressed > 0 ? " (" + ReportFacts.Invariant(summary.Suppressed) + " suppressed)" : string.Empty)
            + ". Shipshape " + MarkdownText.Escape(report.ToolVersion) + ".");
        md.WriteLine();
        if (ReportFacts.Coverage(summary) is { } coverage)
        {
            md.WriteLine("> **" + MarkdownText.Escape(coverage) + "**");
            md.WriteLine();
        }

        md.WriteLine("| Severity | Findings |");
        md.WriteLine("| --- | ---: |");
        foreach (var severity in SeverityNames.Descending)
        {
            md.WriteLine("| " + severity.ToName() + " | " + ReportFacts.Invariant(summary.BySeverity.GetValueOrDefault(severity)) + " |");
        }

        md.WriteLine();
        md.WriteLine("### Checklist");
        md.WriteLine();
        foreach (var practice in PracticeNames.All)
        {
            var inArea = active.Where(f => f.Practice == practice).ToList();
            var suppressedInArea = report.Findings.Count(f => f.Suppressed && f.Practice == practice);
            md.WriteLine((inArea.Count == 0
                    ? "- ✅ " + practice.ToTitle() + ": no findings"
                    : "- ❌ " + practice.ToTitle() + ": " + ReportFacts.Plural(inArea.Count, "finding")
                      + " (" + ReportFacts.SeverityCounts(inArea) + ")")
                + (suppressedInArea > 0 ? ", " + ReportFacts.Invariant(suppressedInArea) + " suppressed" : string.Empty));
        }

        foreach (var practice in PracticeNames.All)
        {
            var inArea = active.Where(f => f.Practice == practice).ToList();
            if (inArea.Count == 0)
            {
                continue;
            }

            md.WriteLine();
            md.WriteLine("### " + practice.ToTitle());
            md.WriteLine();
            WriteFindingTable(md, inArea);
        }

        var suppressed = report.Findings.Where(f => f.Suppressed).ToList();
        if (suppressed.Count > 0)
        {
            md.WriteLine();
            md.WriteLine("<details><summary>" + ReportFacts.Plural(suppressed.Count, "suppressed finding") + "</summary>");
            md.WriteLine();
            md.WriteLine("| Rule | Location | Resource | Suppression |");
            md.WriteLine("| --- | --- | --- | --- |");
            foreach (var finding in suppressed)
            {
                var suppression = finding.Suppression!;
                md.WriteLine("| " + MarkdownText.Escape(finding.RuleId) + " | " + MarkdownText.Escape(finding.Location.ToString())
                    + " | " + MarkdownText.Escape(finding.Resource.QualifiedAddress) + " | " + suppression.Kind.ToName()
                    + (string.IsNullOrEmpty(suppression.Reason) ? string.Empty : ": " + MarkdownText.Escape(suppression.Reason))
                    + " |");
            }

            md.WriteLine();
            md.WriteLine("</details>");
        }

        if (!report.Diagnostics.IsEmpty)
        {
            md.WriteLine();
            md.WriteLine("### Diagnostics");
            md.WriteLine();
            foreach (var diagnostic in report.Diagnostics)
            {
                md.WriteLine("- **" + diagnostic.Severity.ToName() + "**" + (diagnostic.Incomplete is { } kind ? " (" + kind.ToName() + ")" : string.Empty) + " " + MarkdownText.Escape(diagnostic.Location.ToString())
                    + ": " + MarkdownText.Escape(diagnostic.Message));
            }
        }
    }

    private static void WriteFindingTable(StreamWriter md, List<Finding> findings)
    {
        md.WriteLine("| Severity | Rule | Location | Resource | Message |");
        md.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (var finding in findings)
        {
            md.WriteLine(
                "| " + finding.Severity.ToName()
                + " | " + MarkdownText.Escape(finding.RuleId) + " " + MarkdownText.Escape(finding.Title)
                + " | " + MarkdownText.Escape(finding.Location.ToString())
                + " | " + MarkdownText.Escape(finding.Resource.QualifiedAddress)
                + " | " + MarkdownText.Escape(finding.Message) + " |");
        }
    }
}
