using Shipshape.Core;

namespace Shipshape.Reporting;

/// <summary>
/// The report for a terminal: one line per finding (severity, rule, location, title), most severe first; the fix
/// once per rule; a summary by severity and practice area; and, last, the reason for the exit code. ANSI colour
/// only when asked for (the command decides from the terminal and NO_COLOR / FORCE_COLOR / CLICOLOR_FORCE).
/// </summary>
/// <param name="color">Whether to emit ANSI colour.</param>
/// <param name="detail">How much to show: compact, normal (default) or verbose.</param>
public sealed class ConsoleReportWriter(bool color, ConsoleDetail detail = ConsoleDetail.Normal) : IReportWriter
{
    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
    private const string Dim = "\u001b[2m";
    private const string Red = "\u001b[31m";
    private const string Green = "\u001b[32m";
    private const string Yellow = "\u001b[33m";
    private const string Blue = "\u001b[34m";
    private const string Magenta = "\u001b[35m";

    /// <summary>Locations longer than this are not padded to align the titles after them.</summary>
    private const int MaxLocationColumn = 48;

    public ConsoleReportWriter()
        : this(color: false)
    {
    }

    public string Format => "console";

    public bool Color => color;

    public ConsoleDetail Detail => detail;

    public void Write(ScanReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        using var text = ReportEncoding.CreateTextWriter(output);
        var summary = report.Summary;
        var active = ReportFacts.BySeverityThenLocation(report.Active);

        if (detail != ConsoleDetail.Compact)
        {
            text.WriteLine(Paint(Bold, "Shipshape " + Clean(report.ToolVersion)) + ": scanned "
                + ReportFacts.Plural(summary.FilesScanned, "file") + ", " + ReportFacts.Plural(summary.Resources, "resource"));
            text.WriteLine();
        }

        WriteFindings(text, active);
        if (detail != ConsoleDetail.Compact)
        {
            WriteFixes(text, report, active);
            WriteSuppressed(text, report);
            WriteDiagnostics(text, report);
            WriteSummary(text, report, active);
        }

        if (ReportFacts.Coverage(summary) is { } coverage)
        {
            text.WriteLine(Paint(Bold + Yellow, coverage));
        }

        var verdict = ScanVerdict.Of(report);
        text.WriteLine(Paint(Bold + (verdict.ExitCode == 0 ? Green : Red), verdict.Reason));
    }

    private void WriteFindings(StreamWriter text, List<Finding> active)
    {
        var width = active.Count == 0 ? 0 : Math.Min(MaxLocationColumn, active.Max(f => Location(f).Length));
        foreach (var finding in active)
        {
            var location = Location(finding);
            text.WriteLine(Paint(SeverityColour(finding.Severity), finding.Severity.ToName().ToUpperInvariant().PadRight(8))
                + " " + Paint(Bold, Clean(finding.RuleId)) + "  " + location.PadRight(width) + "  " + Clean(finding.Title));
            if (detail == ConsoleDetail.Verbose)
            {
                WriteFindingDetail(text, finding);
            }
        }

        if (active.Count > 0)
        {
            text.WriteLine();
        }
    }

    private void WriteFindingDetail(StreamWriter text, Finding finding)
    {
        const string indent = "         ";
        text.WriteLine(indent + Indent(Clean(finding.Message), indent));
        var where = Clean(finding.Resource.QualifiedAddress)
            + (finding.Resource.DisplayName is { } display ? " [" + Clean(display) + "]" : string.Empty)
            + " (" + Clean(finding.Resource.Kind) + ")"
            + (string.IsNullOrEmpty(finding.Resource.Path) ? string.Empty : " " + Clean(finding.Resource.Path));
        text.WriteLine(Paint(Dim, indent + where));
        if (finding.Resource.Module is { } module)
        {
            text.WriteLine(Paint(Dim, indent + "called through " + string.Join(" > ", module.Calls.Select(c => Clean(c.Address) + (c.Call is { } call ? " (" + Clean(call.ToString()) + ")" : string.Empty)))));
        }

        if (!finding.Equivalents.IsEmpty)
        {
            text.WriteLine(Paint(Dim, indent + "same as " + Clean(string.Join(", ", finding.Equivalents))));
        }
    }

    // The fix once per rule: a rule with forty findings says how to fix them once, most severe rules first.
    private void WriteFixes(StreamWriter text, ScanReport report, List<Finding> active)
    {
        var rules = ReportFacts.ByRule(active);
        if (rules.Count == 0)
        {
            return;
        }

        text.WriteLine(Paint(Bold, "How to fix"));
        foreach (var (ruleId, findings) in rules)
        {
            var first = findings[0];
            text.WriteLine("  " + Paint(Bold, Clean(ruleId)) + " " + Clean(first.Title) + Paint(Dim, " (" + ReportFacts.Plural(findings.Count, "finding") + ")"));
            if (ReportFacts.RemediationFor(report, first) is { } remediation)
            {
                var shown = detail == ConsoleDetail.Verbose ? remediation.Trim() : FirstParagraph(remediation);
                text.WriteLine("    " + Indent(Clean(shown), "    "));
            }
        }

        text.WriteLine(Paint(Dim, "  Details, rationale and examples: shipshape explain RULE-ID"));
        text.WriteLine();
    }

    private void WriteSuppressed(StreamWriter text, ScanReport report)
    {
        var suppressed = ReportFacts.BySeverityThenLocation(report.Findings.Where(f => f.Suppressed));
        if (detail != ConsoleDetail.Verbose || suppressed.Count == 0)
        {
            return;
        }

        text.WriteLine(Paint(Bold, "Suppressed"));
        foreach (var finding in suppressed)
        {
            var why = finding.Suppression is { } s ? s.Kind.ToName() + (string.IsNullOrWhiteSpace(s.Reason) ? string.Empty : ": " + Clean(s.Reason)) : string.Empty;
            text.WriteLine(Paint(Dim, "  " + finding.Severity.ToName().ToUpperInvariant().PadRight(8) + " " + Clean(finding.RuleId) + "  " + Location(finding) + "  " + why));
        }

        text.WriteLine();
    }

    private void WriteDiagnostics(StreamWriter text, ScanReport report)
    {
        var shown = report.Diagnostics.Where(d => detail == ConsoleDetail.Verbose || d.Severity != DiagnosticSeverity.Info).ToList();
        var hidden = report.Diagnostics.Length - shown.Count;
        if (shown.Count == 0 && hidden == 0)
        {
            return;
        }

        text.WriteLine(Paint(Bold, "Diagnostics"));
        foreach (var diagnostic in shown)
        {
            var (colour, label) = diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => (Red, "error"),
                DiagnosticSeverity.Warning => (Yellow, "warning"),
                _ => (Dim, "info"),
            };
            text.WriteLine("  " + Paint(colour, label) + " " + Clean(diagnostic.Location.ToString()) + ": "
                + Indent(Clean(diagnostic.Message), "    "));
        }

        if (hidden > 0)
        {
            text.WriteLine(Paint(Dim, "  " + ReportFacts.Plural(hidden, "informational diagnostic") + " (--verbose shows them)"));
        }

        text.WriteLine();
    }

    private void WriteSummary(StreamWriter text, ScanReport report, List<Finding> active)
    {
        var summary = report.Summary;
        text.WriteLine(Paint(Bold, "Summary"));
        var counts = string.Join(", ", SeverityNames.Descending.Select(s =>
            Paint(summary.BySeverity.GetValueOrDefault(s) > 0 ? SeverityColour(s) : string.Empty, ReportFacts.Invariant(summary.BySeverity.GetValueOrDefault(s)) + " " + s.ToName())));
        text.WriteLine("  " + ReportFacts.Plural(summary.Findings, "finding") + ": " + counts
            + (summary.Suppressed > 0 ? "; " + ReportFacts.Invariant(summary.Suppressed) + " suppressed" : string.Empty));
        if (!report.CheckedByPractice.IsEmpty)
        {
            text.WriteLine("  Resources checked: " + string.Join(", ", PracticeNames.All.Where(report.CheckedByPractice.ContainsKey)
                .Select(p => p.ToTitle() + " " + ReportFacts.Invariant(report.CheckedByPractice[p]))));
        }

        var nameWidth = PracticeNames.All.Max(p => p.ToTitle().Length);
        foreach (var practice in PracticeNames.All)
        {
            var inArea = active.Where(f => f.Practice == practice).ToList();
            // A tick says the area's checks passed: an area whose rules had nothing to look at gets none.
            var nothingChecked = !report.CheckedByPractice.IsEmpty && report.CheckedByPractice.GetValueOrDefault(practice) == 0;
            text.WriteLine(inArea.Count > 0
                ? "  " + Paint(Red, "✖") + " " + practice.ToTitle().PadRight(nameWidth) + "  " + ReportFacts.SeverityCounts(inArea)
                : nothingChecked ? "  - " + practice.ToTitle().PadRight(nameWidth) + "  nothing checked"
                : "  " + Paint(Green, "✔") + " " + practice.ToTitle());
        }

        text.WriteLine();
    }

    private static string Location(Finding finding) =>
        Clean(finding.Location.HasLine ? finding.Location.Path + ":" + ReportFacts.Invariant(finding.Location.StartLine) : finding.Location.Path);

    private static string FirstParagraph(string text)
    {
        var trimmed = text.Trim();
        var cut = trimmed.IndexOf("\n\n", StringComparison.Ordinal);
        return cut < 0 ? trimmed : trimmed[..cut];
    }

    private static string SeverityColour(Severity severity) => severity switch
    {
        Severity.Critical => Bold + Magenta,
        Severity.High => Red,
        Severity.Medium => Yellow,
        Severity.Low => Blue,
        _ => Dim,
    };

    private string Paint(string colour, string value) => color && colour.Length > 0 ? colour + value + Reset : value;

    private static string Clean(string? value) => TerminalText.Sanitize(value);

    // Continuation lines of multi-line text keep the block's indentation so it stays readable.
    private static string Indent(string value, string indent) =>
        value.TrimEnd('\n').Replace("\n", "\n" + indent, StringComparison.Ordinal);
}
