using Shipshape.Core;

namespace Shipshape.Reporting;

/// <summary>Writes the human-readable checklist view for a terminal, with ANSI colour when asked for.</summary>
/// <param name="color">Whether to emit ANSI colour; the caller turns it on only for an interactive terminal.</param>
public sealed class ConsoleReportWriter(bool color) : IReportWriter
{
    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
    private const string Dim = "\u001b[2m";
    private const string Red = "\u001b[31m";
    private const string Green = "\u001b[32m";
    private const string Yellow = "\u001b[33m";
    private const string Blue = "\u001b[34m";
    private const string Magenta = "\u001b[35m";

    public ConsoleReportWriter()
        : this(color: false)
    {
    }

    public string Format => "console";

    public bool Color => color;

    public void Write(ScanReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        using var text = ReportEncoding.CreateTextWriter(output);
        var summary = report.Summary;
        var active = report.Active.ToList();

        text.WriteLine(Paint(Bold, "Shipshape " + Clean(report.ToolVersion)) + ": scanned "
            + ReportFacts.Plural(summary.FilesScanned, "file") + ", " + ReportFacts.Plural(summary.Resources, "resource")
            + ", " + ReportFacts.Plural(summary.Findings, "finding"));
        text.WriteLine();

        foreach (var practice in PracticeNames.All)
        {
            var inArea = active.Where(f => f.Practice == practice).ToList();
            var suppressedInArea = report.Findings.Count(f => f.Suppressed && f.Practice == practice);
            var line = inArea.Count == 0
                ? "  " + Paint(Green, "✔") + " " + practice.ToTitle()
                : "  " + Paint(Red, "✖") + " " + practice.ToTitle() + "  " + ReportFacts.SeverityCounts(inArea);
            if (suppressedInArea > 0)
            {
                line += Paint(Dim, "  (" + ReportFacts.Invariant(suppressedInArea) + " suppressed)");
            }

            text.WriteLine(line);
        }

        foreach (var practice in PracticeNames.All)
        {
            var inArea = active.Where(f => f.Practice == practice).ToList();
            if (inArea.Count == 0)
            {
                continue;
            }

            text.WriteLine();
            text.WriteLine(Paint(Bold, practice.ToTitle()));
            foreach (var finding in inArea)
            {
                WriteFinding(text, report, finding);
            }
        }

        if (!report.Diagnostics.IsEmpty)
        {
            text.WriteLine();
            text.WriteLine(Paint(Bold, "Diagnostics"));
            foreach (var diagnostic in report.Diagnostics)
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
        }

        text.WriteLine();
        var counts = string.Join(", ", SeverityNames.Descending.Select(s =>
            ReportFacts.Invariant(summary.BySeverity.GetValueOrDefault(s)) + " " + s.ToName()));
        var final = ReportFacts.Plural(summary.Findings, "finding") + " (" + counts + "); "
            + ReportFacts.Invariant(summary.Suppressed) + " suppressed";
        text.WriteLine(Paint(Bold + (summary.Findings > 0 ? Red : Green), final));
        if (ReportFacts.Coverage(summary) is { } coverage)
        {
            text.WriteLine(Paint(Bold + Yellow, coverage));
        }
    }

    private void WriteFinding(StreamWriter text, ScanReport report, Finding finding)
    {
        text.WriteLine(Paint(SeverityColour(finding.Severity), "[" + finding.Severity.ToName().ToUpperInvariant() + "]")
            + " " + Paint(Bold, Clean(finding.RuleId)) + " " + Clean(finding.Title));

        var where = "  " + Clean(finding.Location.ToString()) + "  " + Clean(finding.Resource.QualifiedAddress)
            + (finding.Resource.DisplayName is { } display ? " [" + Clean(display) + "]" : string.Empty)
            + " (" + Clean(finding.Resource.Kind) + ")";
        if (!string.IsNullOrEmpty(finding.Resource.Path))
        {
            where += " " + Clean(finding.Resource.Path);
        }

        text.WriteLine(Paint(Dim, where));
        if (finding.Resource.Module is { } module)
        {
            text.WriteLine(Paint(Dim, "  called through " + string.Join(" > ", module.Calls.Select(c => Clean(c.Address) + (c.Call is { } call ? " (" + Clean(call.ToString()) + ")" : string.Empty)))));
        }

        text.WriteLine("  " + Indent(Clean(finding.Message), "  "));
        if (ReportFacts.RemediationFor(report, finding) is { } remediation)
        {
            text.WriteLine("  " + Paint(Green, "Fix:") + " " + Indent(Clean(remediation.Trim()), "       "));
        }
    }

    private static string SeverityColour(Severity severity) => severity switch
    {
        Severity.Critical => Bold + Magenta,
        Severity.High => Red,
        Severity.Medium => Yellow,
        Severity.Low => Blue,
        _ => Dim,
    };

    private string Paint(string colour, string value) => color ? colour + value + Reset : value;

    private static string Clean(string? value) => TerminalText.Sanitize(value);

    // Continuation lines of multi-line text keep the finding's indentation so the block stays readable.
    private static string Indent(string value, string indent) =>
        value.TrimEnd('\n').Replace("\n", "\n" + indent, StringComparison.Ordinal);
}
