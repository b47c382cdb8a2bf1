using System.Globalization;
using System.Text.Json;
using Shipshape.Core;

namespace Shipshape.Reporting;

/// <summary>
/// The compliance view (<c>scan --compliance NAME</c>) in console, Markdown, HTML or JSON: sections, requirements with
/// pass/fail/manual, the rules mapped to each with what they checked, and the failing resources. A pure function of
/// the report and the <see cref="ComplianceOptions"/>.
/// </summary>
public sealed class ComplianceReportWriter : IReportWriter
{
    /// <summary>The formats a compliance view is written in; the others (SARIF, JUnit, ASFF, OCSF) stay as they are.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["console", "markdown", "html", "json"];

    /// <summary>How many failing resources each rule lists in the text formats; JSON has the record's list.</summary>
    private const int ResourcesShown = 10;

    private readonly ComplianceOptions _options;

    public ComplianceReportWriter(string format, ComplianceOptions options)
    {
        Format = Formats.Contains(format, StringComparer.Ordinal) ? format : throw new ArgumentException($"no compliance view in format '{format}'", nameof(format));
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    public string Format { get; }

    public static string Name(ComplianceVerdict verdict) => verdict switch
    {
        ComplianceVerdict.Pass => "pass",
        ComplianceVerdict.Fail => "fail",
        ComplianceVerdict.Unresolved => "unresolved",
        ComplianceVerdict.NotApplicable => "not-applicable",
        ComplianceVerdict.NotRun => "not-run",
        _ => "manual",
    };

    public void Write(ScanReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var view = ComplianceView.Build(report, _options);
        if (Format == "json")
        {
            WriteJson(report, view, output);
            return;
        }

        using var text = ReportEncoding.CreateTextWriter(output);
        switch (Format)
        {
            case "markdown":
                WriteMarkdown(report, view, text);
                break;
            case "html":
                WriteHtml(report, view, text);
                break;
            default:
                WriteConsole(report, view, text);
                break;
        }
    }

    private static string Totals(ComplianceView view) =>
        string.Join(", ", view.Totals.Select(t => ReportFacts.Invariant(t.Count) + " " + Name(t.Verdict)));

    private static string Counts(CheckCounts c) => string.Create(CultureInfo.InvariantCulture,
        $"{c.Checked} checked, {c.Pass} pass, {c.Fail} fail{(c.Unresolved > 0 ? $", {c.Unresolved} unresolved" : string.Empty)}");

    private static string Title(ScanReport report, string ruleId) =>
        report.Rules.TryGetValue(ruleId, out var metadata) ? metadata.Title : "(did not run)";

    private static IEnumerable<string> Failing(RuleCheck check) =>
        check.Failing.Take(ResourcesShown).Select(f => $"{f.Path}  {f.Address} ({f.Kind}){(f.CoveredBy is null ? string.Empty : $", covered by {f.CoveredBy}")}")
            .Concat(check.Failing.Length + check.FailingOmitted > ResourcesShown
                ? [$"… and {check.Failing.Length + check.FailingOmitted - ResourcesShown} more (the findings list them)"] : []);

    private static void WriteConsole(ScanReport report, ComplianceView view, StreamWriter text)
    {
        var f = view.Framework;
        text.WriteLine(TerminalText.Sanitize($"Shipshape {report.ToolVersion}: {f.Name} {f.Version} ({f.Id}), scanned {ReportFacts.Plural(report.FilesScanned, "file")}, {ReportFacts.Plural(report.Resources, "resource")}"));
        text.WriteLine(f.Url);
        text.WriteLine(ReportFacts.Plural(view.Requirements.Count(), "requirement") + ": " + Totals(view));
        foreach (var (section, requirements) in view.Sections)
        {
            text.WriteLine();
            text.WriteLine(TerminalText.Sanitize(section.Id + " " + section.Title));
            foreach (var result in requirements)
            {
                text.WriteLine(TerminalText.Sanitize($"  {Name(result.Verdict).ToUpperInvariant(),-14} {result.Requirement.Id}  {result.Requirement.Title}"));
                foreach (var (ruleId, check) in result.Rules)
                {
                    text.WriteLine(TerminalText.Sanitize($"      {ruleId} {Title(report, ruleId)}" + (check is null ? string.Empty : ": " + Counts(check.Counts))));
                    foreach (var line in check is null ? [] : Failing(check))
                    {
                        text.WriteLine("        " + TerminalText.Sanitize(line));
                    }
                }
            }
        }

        text.WriteLine();
        text.WriteLine("Manual requirements have no rule: they need a person. A suppressed finding still fails its requirement.");
    }

    private static void WriteMarkdown(ScanReport report, ComplianceView view, StreamWriter text)
    {
        var f = view.Framework;
        text.WriteLine($"# {MarkdownText.Escape(f.Name)} {MarkdownText.Escape(f.Version)}");
        text.WriteLine();
        text.WriteLine($"[{MarkdownText.Escape(f.Id)}]({f.Url}): {ReportFacts.Plural(view.Requirements.Count(), "requirement")}: {Totals(view)}. Scanned {ReportFacts.Plural(report.FilesScanned, "file")}, {ReportFacts.Plural(report.Resources, "resource")}.");
        foreach (var (section, requirements) in view.Sections)
        {
            text.WriteLine();
            text.WriteLine($"## {MarkdownText.Escape(section.Id)} {MarkdownText.Escape(section.Title)}");
            text.WriteLine();
            text.WriteLine("| verdict | requirement | rules and resources |");
            text.WriteLine("| --- | --- | --- |");
            foreach (var result in requirements)
            {
                var rules = result.Rules.Select(r => $"{r.RuleId} {MarkdownText.Escape(Title(report, r.RuleId))}"
                    + (r.Check is null ? string.Empty : ": " + Counts(r.Check.Counts) + string.Concat(Failing(r.Check).Select(l => "<br>" + MarkdownText.Escape(l)))));
                text.WriteLine($"| {Name(result.Verdict)} | {MarkdownText.Escape(result.Requirement.Id)} {MarkdownText.Escape(result.Requirement.Title)} | {string.Join("<br>", rules)} |");
            }
        }
    }

    private static void WriteHtml(ScanReport report, ComplianceView view, StreamWriter text)
    {
        var f = view.Framework;
        text.WriteLine("<!DOCTYPE html>");
        text.WriteLine($"<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{HtmlText.Encode(f.Name)}: Shipshape compliance report</title>");
        text.WriteLine("<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:4px;vertical-align:top;text-align:left}.fail{color:#b00}.pass{color:#070}</style></head><body>");
        text.WriteLine($"<h1>{HtmlText.Encode(f.Name)} {HtmlText.Encode(f.Version)}</h1>");
        text.WriteLine($"<p><a href=\"{HtmlText.Encode(f.Url)}\">{HtmlText.Encode(f.Id)}</a>: {HtmlText.Encode(ReportFacts.Plural(view.Requirements.Count(), "requirement") + ": " + Totals(view))}</p>");
        foreach (var (section, requirements) in view.Sections)
        {
            text.WriteLine($"<h2>{HtmlText.Encode(section.Id + " " + section.Title)}</h2>");
            text.WriteLine("<table><tr><th>verdict</th><th>requirement</th><th>rules and resources</th></tr>");
            foreach (var result in requirements)
            {
                var verdict = Name(result.Verdict);
                var rules = string.Join("<br>", result.Rules.Select(r => HtmlText.Encode($"{r.RuleId} {Title(report, r.RuleId)}"
                    + (r.Check is null ? string.Empty : ": " + Counts(r.Check.Counts))) + (r.Check is null ? string.Empty : string.Concat(Failing(r.Check).Select(l => "<br>&nbsp;&nbsp;" + HtmlText.Encode(l))))));
                text.WriteLine($"<tr><td class=\"{verdict}\">{verdict}</td><td>{HtmlText.Encode(result.Requirement.Id + " " + result.Requirement.Title)}</td><td>{rules}</td></tr>");
            }

            text.WriteLine("</table>");
        }

        text.WriteLine("</body></html>");
    }

    private static void WriteJson(ScanReport report, ComplianceView view, Stream output)
    {
        using (var json = new Utf8JsonWriter(output, JsonReportWriter.Options))
        {
            var f = view.Framework;
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", JsonReportWriter.SchemaVersion);
            json.WriteStartObject("tool");
            json.WriteString("name", "shipshape");
            json.WriteString("version", report.ToolVersion);
            json.WriteEndObject();
            json.WriteStartObject("framework");
            json.WriteString("id", f.Id);
            json.WriteString("name", f.Name);
            json.WriteString("version", f.Version);
            json.WriteString("url", f.Url);
            json.WriteEndObject();
            json.WriteStartObject("requirements");
            foreach (var verdict in Enum.GetValues<ComplianceVerdict>())
            {
                json.WriteNumber(Name(verdict), view.Requirements.Count(r => r.Verdict == verdict));
            }

            json.WriteEndObject();
            json.WriteStartArray("sections");
            foreach (var (section, requirements) in view.Sections)
            {
                json.WriteStartObject();
                json.WriteString("id", section.Id);
                json.WriteString("title", section.Title);
                json.WriteStartArray("requirements");
                foreach (var result in requirements)
                {
                    json.WriteStartObject();
                    json.WriteString("id", result.Requirement.Id);
                    json.WriteString("title", result.Requirement.Title);
                    json.WriteString("verdict", Name(result.Verdict));
                    json.WriteStartArray("rules");
                    foreach (var (ruleId, check) in result.Rules)
                    {
                        json.WriteStartObject();
                        json.WriteString("ruleId", ruleId);
                        json.WriteBoolean("ran", check is not null);
                        if (check is not null)
                        {
                            json.WriteString("title", Title(report, ruleId));
                            CheckJson.WriteRecord(json, check);
                        }

                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Write("\n"u8);
        output.Flush();
    }
}
