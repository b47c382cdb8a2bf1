using System.Net;
using Shipshape.Core;

namespace Shipshape.Reporting;

/// <summary>
/// Writes one self-contained HTML page (no scripts, no external assets): the checklist by practice area, then the
/// findings with their remediation. Every text from scanned files is HTML-encoded.
/// </summary>
public sealed class HtmlReportWriter : IReportWriter
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem;color:#1d1d1f;max-width:72rem}
        h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.3rem}
        table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}
        th{background:#f5f5f7}.sev{font-weight:600;text-transform:uppercase;font-size:.75rem}
        .critical{color:#8b0000}.high{color:#c0392b}.medium{color:#b9770e}.low{color:#2874a6}.info{color:#555}
        .ok{color:#1e8449}.bad{color:#c0392b}code{font-size:.85rem}.fix{color:#444;font-size:.85rem}
        """;

    public string Format => "html";

    public void Write(ScanReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        using var html = ReportEncoding.CreateTextWriter(output);
        var summary = report.Summary;
        var active = report.Active.ToList();
        html.WriteLine("<!DOCTYPE html>");
        html.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Shipshape report</title>");
        html.WriteLine("<style>" + Style.ReplaceLineEndings(string.Empty) + "</style></head><body>");
        html.WriteLine("<h1>Shipshape scan results</h1>");
        html.WriteLine("<p>Scanned " + E(ReportFacts.Plural(summary.FilesScanned, "file")) + " and " + E(ReportFacts.Plural(summary.Resources, "resource"))
            + ": <strong>" + E(ReportFacts.Plural(summary.Findings, "finding")) + "</strong>"
            + (summary.Suppressed > 0 ? " (" + ReportFacts.Invariant(summary.Suppressed) + " suppressed)" : string.Empty)
            + ". Shipshape " + E(report.ToolVersion) + ".</p>");

        html.WriteLine("<h2>Checklist</h2><table><tr><th>Practice area</th><th>Verdict</th></tr>");
        foreach (var practice in PracticeNames.All)
        {
            var inArea = active.Where(f => f.Practice == practice).ToList();
            html.WriteLine("<tr><td>" + E(practice.ToTitle()) + "</td><td>" + (inArea.Count == 0
                ? "<span class=\"ok\">✔ no findings</span>"
                : "<span class=\"bad\">✖ " + E(ReportFacts.Plural(inArea.Count, "finding")) + " (" + E(ReportFacts.SeverityCounts(inArea)) + ")</span>") + "</td></tr>");
        }

        html.WriteLine("</table>");
        foreach (var practice in PracticeNames.All)
        {
            var inArea = active.Where(f => f.Practice == practice).ToList();
            if (inArea.Count == 0)
            {
                continue;
            }

            html.WriteLine("<h2>" + E(practice.ToTitle()) + "</h2>");
            html.WriteLine("<table><tr><th>Severity</th><th>Rule</th><th>Location</th><th>Resource</th><th>Finding</th></tr>");
            foreach (var f in inArea)
            {
                var fix = report.Rules.TryGetValue(f.RuleId, out var rule) ? rule.Remediation : null;
                html.WriteLine("<tr><td class=\"sev " + f.Severity.ToName() + "\">" + f.Severity.ToName() + "</td>"
                    + "<td><code>" + E(f.RuleId) + "</code><br>" + E(f.Title) + "</td>"
                    + "<td><code>" + E(f.Location.ToString()) + "</code></td>"
                    + "<td><code>" + E(f.Resource.QualifiedAddress) + "</code><br>" + E(f.Resource.Kind) + "</td>"
                    + "<td>" + E(f.Message) + (fix is null ? string.Empty : "<div class=\"fix\">Fix: " + E(fix) + "</div>") + "</td></tr>");
            }

            html.WriteLine("</table>");
        }

        var suppressed = report.Findings.Where(f => f.Suppressed).ToList();
        if (suppressed.Count > 0)
        {
            html.WriteLine("<h2>Suppressed</h2><table><tr><th>Rule</th><th>Location</th><th>Kind</th><th>Reason</th></tr>");
            foreach (var f in suppressed)
            {
                html.WriteLine("<tr><td><code>" + E(f.RuleId) + "</code></td><td><code>" + E(f.Location.ToString()) + "</code></td><td>"
                    + E(f.Suppression!.Kind.ToName()) + "</td><td>" + E(f.Suppression.Reason ?? string.Empty) + "</td></tr>");
            }

            html.WriteLine("</table>");
        }

        if (report.Diagnostics.Length > 0)
        {
            html.WriteLine("<h2>Inputs that could not be read</h2>");
            if (ReportFacts.Coverage(summary) is { } coverage)
            {
                html.WriteLine("<p><strong>" + E(coverage) + "</strong></p>");
            }

            html.WriteLine("<table><tr><th>Severity</th><th>Coverage</th><th>Location</th><th>Message</th></tr>");
            foreach (var d in report.Diagnostics)
            {
                html.WriteLine("<tr><td>" + E(d.Severity.ToString().ToLowerInvariant()) + "</td><td>" + E(d.Incomplete?.ToName() ?? string.Empty) + "</td><td><code>" + E(d.Location.ToString()) + "</code></td><td>" + E(d.Message) + "</td></tr>");
            }

            html.WriteLine("</table>");
        }

        html.WriteLine("</body></html>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(TerminalText.Sanitize(text));
}
