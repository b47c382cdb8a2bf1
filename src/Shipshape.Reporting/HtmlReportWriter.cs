using Shipshape.Core;

namespace Shipshape.Reporting;

/// <summary>
/// Writes one self-contained HTML page (inline style and one small plain script, nothing fetched): contents,
/// summary, then the findings per practice area and per rule, with each rule's fix once and its page linked,
/// filters by severity, rule, path and text (also from the URL fragment), suppressed findings and what could
/// not be checked. Every text from scanned files is HTML-encoded. The listing is bounded so that a large
/// repository's report stays small: the JSON and SARIF reports have every finding.
/// </summary>
public sealed class HtmlReportWriter : IReportWriter
{
    /// <summary>
    /// The characters the listed finding rows may take together: each rule lists an equal number of its findings,
    /// as many as fit (a rule with fewer lists them all), so the page stays a few hundred kilobytes however large the scan.
    /// </summary>
    public const int RowBudget = 280_000;

    /// <summary>A rule with more findings than this shows its first <see cref="OpenFindingsPerRule"/> and collapses the rest.</summary>
    public const int CollapseAbove = 20;

    /// <summary>The findings shown open for a rule with more than <see cref="CollapseAbove"/>.</summary>
    public const int OpenFindingsPerRule = 3;

    /// <summary>Diagnostics listed at most (errors and inputs not checked first); the first ones open, the rest collapsed.</summary>
    public const int MaxListedDiagnostics = 100;

    /// <summary>Suppressed findings listed at most.</summary>
    public const int MaxListedSuppressed = 200;

    private const int OpenDiagnostics = 20;

    // A message longer than this (only hostile input writes one) is cut; the JSON report has it whole.
    private const int MaxMessageLength = 2000;

    private const string Style = """
        *{box-sizing:border-box}[hidden]{display:none!important}
        body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:0 auto;padding:1rem;color:#1d1d1f;max-width:80rem;line-height:1.4}
        h1{font-size:1.5rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.3rem}
        h3{font-size:1.1rem;margin-top:1.5rem}h4{font-size:1rem;margin:1.2rem 0 .3rem}
        a{color:#0b57d0}nav ul{margin:.2rem 0;padding-left:1.2rem}
        .scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
        table{border-collapse:collapse;width:100%;margin:.4rem 0}
        th,td{border:1px solid #ddd;padding:.3rem .45rem;text-align:left;vertical-align:top;font-size:.875rem}
        th{background:#f5f5f7}td.n{text-align:right}#by-severity{width:auto;min-width:14rem}
        code,.loc{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.82rem;overflow-wrap:anywhere}pre{background:#f5f5f7;padding:.5rem;overflow-x:auto}
        .sev{font-weight:600;text-transform:uppercase;font-size:.72rem}
        .critical{color:#8b0000}.high{color:#c0392b}.medium{color:#9a6400}.low{color:#2874a6}.info{color:#555}
        .ok{color:#1e8449}.bad{color:#c0392b}.verdict{font-weight:600}
        .rule{border-left:3px solid #ddd;padding-left:.7rem;margin:1rem 0}
        .about p{margin:.3rem 0}.fix{background:#f3f8f3;padding:.1rem .5rem;margin:.3rem 0}
        .note{color:#555;font-size:.85rem}summary{cursor:pointer;margin:.3rem 0}
        form.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;background:#f5f5f7;padding:.6rem;position:sticky;top:0}
        form.filters label{display:flex;flex-direction:column;font-size:.8rem;flex:1 1 10rem}
        form.filters input,form.filters select{font-size:1rem;padding:.2rem;max-width:100%}
        @media (max-width:40rem){body{padding:.5rem}th,td{font-size:.8rem;padding:.25rem}
        table.findings thead{display:none}table.findings tr{display:block;border:1px solid #ddd;margin-bottom:.4rem}
        table.findings td{display:block;border:0;padding:.15rem .4rem}table.findings td.sev{display:inline-block}}
        """;

    // Plain script, no framework: filters rows with the hidden attribute (so state is visible in the DOM) and
    // keeps the filters in the URL fragment (#severity=high&rule=SHP-NET-001&path=infra&q=text) so a view can be linked.
    private const string Script = """
        (function(){
        var form=document.getElementById('filters');if(!form)return;form.hidden=false;
        var names=['severity','rule','path','q'],fields={};
        names.forEach(function(n){fields[n]=form.elements[n];});
        var rows=[].map.call(document.querySelectorAll('tr[data-severity]'),function(tr){var rule=tr.closest('[data-rule]');
        return {tr:tr,rule:rule,severity:tr.getAttribute('data-severity'),id:rule.getAttribute('data-rule'),
        path:tr.cells[1].textContent.toLowerCase(),text:(rule.querySelector('h4').textContent+' '+tr.textContent).toLowerCase()};});
        var status=document.getElementById('filter-status');
        function apply(updateHash){
        var v={};names.forEach(function(n){v[n]=fields[n].value.trim();});
        var path=v.path.toLowerCase(),q=v.q.toLowerCase(),active=v.severity||v.rule||path||q,shown=0,seen=new Map();
        rows.forEach(function(r){var ok=(!v.severity||r.severity===v.severity)&&(!v.rule||r.id===v.rule)&&(!path||r.path.indexOf(path)>=0)&&(!q||r.text.indexOf(q)>=0);
        r.tr.hidden=!ok;if(ok)shown++;seen.set(r.rule,(seen.get(r.rule)||0)+(ok?1:0));});
        seen.forEach(function(n,rule){rule.hidden=active&&n===0;rule.querySelectorAll('details.more').forEach(function(d){d.open=!!active&&!!d.querySelector('tr[data-severity]:not([hidden])');});});
        document.querySelectorAll('section.practice').forEach(function(s){s.hidden=!!active&&!s.querySelector('.rule:not([hidden])');});
        status.textContent=active?'Showing '+shown+' of '+rows.length+' listed findings.':'Showing all '+rows.length+' listed findings.';
        if(updateHash){var p=new URLSearchParams();names.forEach(function(n){if(v[n])p.set(n,v[n]);});var h=p.toString();
        try{history.replaceState(null,'',h?'#'+h:location.pathname+location.search);}catch(e){}}}
        function fromHash(){var h=location.hash.slice(1);if(h.indexOf('=')<0)return;var p=new URLSearchParams(h);
        names.forEach(function(n){fields[n].value=p.get(n)||'';});apply(false);}
        form.addEventListener('input',function(){apply(true);});form.addEventListener('change',function(){apply(true);});
        form.addEventListener('reset',function(){setTimeout(function(){apply(true);},0);});
        window.addEventListener('hashchange',fromHash);apply(false);fromHash();
        })();
        """;

    public string Format => "html";

    public void Write(ScanReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        using var html = ReportEncoding.CreateTextWriter(output);
        var summary = report.Summary;
        var active = report.Active.ToList();
        var byPractice = PracticeNames.All
            .Select(p => (Practice: p, Rules: ReportFacts.ByRule(active.Where(f => f.Practice == p))))
            .ToList();
        var perRule = ListedPerRule(byPractice.SelectMany(p => p.Rules).Select(r => r.Findings.Select(f => Row(f).Length).ToList()).ToList());
        var suppressed = ReportFacts.BySeverityThenLocation(report.Findings.Where(f => f.Suppressed));
        var verdict = ScanVerdict.Of(report);
        var fails = verdict.ExitCode != 0;

        html.WriteLine("<!DOCTYPE html>");
        html.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.WriteLine("<title>Shipshape report</title><style>" + Style.ReplaceLineEndings(string.Empty) + "</style></head><body>");
        html.WriteLine("<header><h1>Shipshape scan results</h1>");
        html.WriteLine("<p>Scanned " + E(ReportFacts.Plural(summary.FilesScanned, "file")) + " and " + E(ReportFacts.Plural(summary.Resources, "resource"))
            + ": <strong>" + E(ReportFacts.Plural(summary.Findings, "finding")) + "</strong>"
            + (summary.Suppressed > 0 ? " (" + ReportFacts.Invariant(summary.Suppressed) + " suppressed)" : string.Empty)
            + ". Shipshape " + E(report.ToolVersion) + ".</p>");
        html.WriteLine("<p class=\"verdict " + (fails ? "bad" : "ok") + "\" id=\"verdict\">" + (fails ? "✖ " : "✔ ") + E(verdict.Reason) + "</p>");
        if (ReportFacts.Coverage(summary) is { } coverage)
        {
            html.WriteLine("<p><strong>" + E(coverage) + "</strong></p>");
        }

        html.WriteLine("</header>");
        WriteContents(html, byPractice, suppressed.Count, report.Diagnostics.Length);
        html.WriteLine("<main>");
        WriteSummary(html, report, active, byPractice);
        WriteFindings(html, report, byPractice, active.Count, perRule);
        WriteSuppressed(html, suppressed);
        WriteDiagnostics(html, report);
        html.WriteLine("</main>");
        html.WriteLine("<script>" + Script.ReplaceLineEndings(string.Empty) + "</script>");
        html.WriteLine("</body></html>");
    }

    /// <summary>
    /// How many findings each rule lists: the largest equal share whose rows (of the given lengths, per rule) fit
    /// in <see cref="RowBudget"/>, a rule with fewer listing them all; never fewer than the open rows.
    /// </summary>
    internal static int ListedPerRule(IReadOnlyList<IReadOnlyList<int>> rowLengths)
    {
        long Cost(int share) => rowLengths.Sum(rows => rows.Take(share).Sum(n => (long)n));
        var longest = rowLengths.Count == 0 ? 0 : rowLengths.Max(r => r.Count);
        if (Cost(longest) <= RowBudget)
        {
            return int.MaxValue;
        }

        var share = OpenFindingsPerRule;
        while (share < longest && Cost(share + 1) <= RowBudget)
        {
            share++;
        }

        return share;
    }

    private static void WriteContents(StreamWriter html, List<(Practice Practice, List<(string RuleId, List<Finding> Findings)> Rules)> byPractice, int suppressed, int diagnostics)
    {
        html.WriteLine("<nav id=\"contents\" aria-label=\"Contents\"><h2>Contents</h2><ul><li><a href=\"#summary\">Summary</a></li><li><a href=\"#findings\">Findings</a><ul>");
        foreach (var (practice, rules) in byPractice)
        {
            var count = rules.Sum(r => r.Findings.Count);
            html.WriteLine(count == 0
                ? "<li>" + E(practice.ToTitle()) + ": no findings</li>"
                : "<li><a href=\"#practice-" + practice.ToId() + "\">" + E(practice.ToTitle()) + "</a>: " + E(ReportFacts.Plural(count, "finding")) + "</li>");
        }

        html.Write("</ul></li>");
        if (suppressed > 0)
        {
            html.Write("<li><a href=\"#suppressed\">Suppressed findings</a></li>");
        }

        if (diagnostics > 0)
        {
            html.Write("<li><a href=\"#diagnostics\">What could not be checked</a></li>");
        }

        html.WriteLine("</ul></nav>");
    }

    private static void WriteSummary(StreamWriter html, ScanReport report, List<Finding> active, List<(Practice Practice, List<(string RuleId, List<Finding> Findings)> Rules)> byPractice)
    {
        html.WriteLine("<section id=\"summary\"><h2>Summary</h2>");
        html.WriteLine("<div class=\"scroll\"><table id=\"by-severity\"><thead><tr><th>Severity</th><th>Findings</th></tr></thead><tbody>");
        foreach (var severity in SeverityNames.Descending)
        {
            html.WriteLine("<tr><td class=\"sev " + severity.ToName() + "\">" + severity.ToName() + "</td><td class=\"n\">"
                + ReportFacts.Invariant(active.Count(f => f.Severity == severity)) + "</td></tr>");
        }

        html.WriteLine("</tbody></table></div>");
        html.Write("<div class=\"scroll\"><table id=\"by-practice\"><thead><tr><th>Practice area</th><th>Verdict</th>");
        foreach (var severity in SeverityNames.Descending)
        {
            html.Write("<th>" + severity.ToName() + "</th>");
        }

        html.WriteLine("<th>suppressed</th></tr></thead><tbody>");
        foreach (var (practice, rules) in byPractice)
        {
            var inArea = rules.SelectMany(r => r.Findings).ToList();
            html.Write("<tr><td>" + (inArea.Count == 0 ? E(practice.ToTitle()) : "<a href=\"#practice-" + practice.ToId() + "\">" + E(practice.ToTitle()) + "</a>") + "</td><td>"
                + (inArea.Count == 0
                    ? "<span class=\"ok\">✔ no findings</span>"
                    : "<span class=\"bad\">✖ " + E(ReportFacts.Plural(inArea.Count, "finding")) + "</span>") + "</td>");
            foreach (var severity in SeverityNames.Descending)
            {
                html.Write("<td class=\"n\">" + ReportFacts.Invariant(inArea.Count(f => f.Severity == severity)) + "</td>");
            }

            html.WriteLine("<td class=\"n\">" + ReportFacts.Invariant(report.Findings.Count(f => f.Suppressed && f.Practice == practice)) + "</td></tr>");
        }

        html.WriteLine("</tbody></table></div></section>");
    }

    private static void WriteFindings(StreamWriter html, ScanReport report, List<(Practice Practice, List<(string RuleId, List<Finding> Findings)> Rules)> byPractice, int total, int perRule)
    {
        html.WriteLine("<section id=\"findings\"><h2>Findings</h2>");
        if (total == 0)
        {
            html.WriteLine("<p class=\"ok\">No findings.</p></section>");
            return;
        }

        var listed = byPractice.SelectMany(p => p.Rules).Sum(r => Math.Min(r.Findings.Count, perRule));
        if (listed < total)
        {
            html.WriteLine("<p class=\"note\" id=\"listing-note\">This report lists " + ReportFacts.Invariant(listed) + " of the " + ReportFacts.Invariant(total)
                + " findings (at most " + ReportFacts.Invariant(perRule) + " per rule) so that it stays small; the JSON and SARIF reports (<code>--format json</code>, <code>--format sarif</code>) have every finding.</p>");
        }

        html.WriteLine("<form id=\"filters\" class=\"filters\" role=\"search\" hidden>");
        html.Write("<label>Severity<select name=\"severity\"><option value=\"\">all</option>");
        foreach (var severity in SeverityNames.Descending)
        {
            html.Write("<option>" + severity.ToName() + "</option>");
        }

        html.WriteLine("</select></label>");
        html.Write("<label>Rule<select name=\"rule\"><option value=\"\">all</option>");
        foreach (var (ruleId, _) in byPractice.SelectMany(p => p.Rules).OrderBy(r => r.RuleId, StringComparer.Ordinal))
        {
            html.Write("<option>" + E(ruleId) + "</option>");
        }

        html.WriteLine("</select></label>");
        html.WriteLine("<label>Path<input name=\"path\" type=\"search\" placeholder=\"part of a path\" autocomplete=\"off\"></label>");
        html.WriteLine("<label>Search<input name=\"q\" type=\"search\" placeholder=\"any text\" autocomplete=\"off\"></label>");
        html.WriteLine("<button type=\"reset\">Clear</button></form>");
        html.WriteLine("<p id=\"filter-status\" class=\"note\" aria-live=\"polite\"></p>");

        foreach (var (practice, rules) in byPractice)
        {
            if (rules.Count == 0)
            {
                continue;
            }

            var inArea = rules.SelectMany(r => r.Findings).ToList();
            html.WriteLine("<section class=\"practice\" id=\"practice-" + practice.ToId() + "\"><h3>" + E(practice.ToTitle()) + "</h3>");
            html.WriteLine("<p>" + E(ReportFacts.Plural(inArea.Count, "finding")) + " (" + E(ReportFacts.SeverityCounts(inArea)) + ") of " + E(ReportFacts.Plural(rules.Count, "rule")) + ".</p>");
            foreach (var (ruleId, findings) in rules)
            {
                WriteRule(html, report, ruleId, findings, perRule);
            }

            html.WriteLine("</section>");
        }

        html.WriteLine("</section>");
    }

    private static void WriteRule(StreamWriter html, ScanReport report, string ruleId, List<Finding> findings, int perRule)
    {
        var rule = ReportFacts.RuleFor(report, findings[0]);
        html.WriteLine("<article class=\"rule\" id=\"rule-" + E(ruleId) + "\" data-rule=\"" + E(ruleId) + "\">");
        html.WriteLine("<h4>" + RuleLink(report, ruleId) + " " + E(rule.Title) + " <span class=\"sev " + findings[0].Severity.ToName() + "\">"
            + findings[0].Severity.ToName() + "</span> <span class=\"note\">" + E(ReportFacts.Plural(findings.Count, "finding")) + "</span></h4>");
        html.Write("<div class=\"about\">");
        if (!string.IsNullOrWhiteSpace(rule.Description) && rule.Description != rule.Title)
        {
            html.Write(MarkdownHtml.Render(rule.Description));
        }

        if (!string.IsNullOrWhiteSpace(rule.Remediation))
        {
            html.Write("<div class=\"fix\"><p><strong>Fix</strong></p>" + MarkdownHtml.Render(rule.Remediation) + "</div>");
        }

        html.WriteLine("</div>");
        var listed = Math.Min(findings.Count, perRule);
        var open = findings.Count > CollapseAbove ? Math.Min(OpenFindingsPerRule, listed) : listed;
        WriteFindingTable(html, findings.Take(open), header: true);
        if (listed > open)
        {
            html.WriteLine("<details class=\"more\"><summary>" + ReportFacts.Invariant(listed - open) + " more of " + E(ReportFacts.Plural(findings.Count, "finding")) + "</summary>");
            WriteFindingTable(html, findings.Skip(open).Take(listed - open), header: false);
            html.WriteLine("</details>");
        }

        if (findings.Count > listed)
        {
            html.WriteLine("<p class=\"note\">" + E(ReportFacts.Plural(findings.Count - listed, "more finding")) + " of " + E(ruleId)
                + " not listed here; the JSON and SARIF reports have them.</p>");
        }

        html.WriteLine("</article>");
    }

    private static void WriteFindingTable(StreamWriter html, IEnumerable<Finding> findings, bool header)
    {
        html.WriteLine("<div class=\"scroll\"><table class=\"findings\">"
            + (header ? "<thead><tr><th>Severity</th><th>Location</th><th>Resource</th><th>Finding</th></tr></thead>" : string.Empty) + "<tbody>");
        foreach (var f in findings)
        {
            html.WriteLine(Row(f));
        }

        html.WriteLine("</tbody></table></div>");
    }

    private static string Row(Finding f)
    {
        var severity = f.Severity.ToName();
        return "<tr data-severity=\"" + severity + "\"><td class=\"sev " + severity + "\">" + severity + "</td>"
            + "<td class=\"loc\">" + E(f.Location.ToString()) + "</td>"
            + "<td><code>" + E(f.Resource.QualifiedAddress) + "</code><br>" + E(f.Resource.Kind) + "</td>"
            + "<td>" + E(ReportFacts.Clip(f.Message, MaxMessageLength)) + "</td></tr>";
    }

    private static void WriteSuppressed(StreamWriter html, List<Finding> suppressed)
    {
        if (suppressed.Count == 0)
        {
            return;
        }

        var listed = Math.Min(suppressed.Count, MaxListedSuppressed);
        html.WriteLine("<section id=\"suppressed\"><h2>Suppressed findings</h2>");
        html.WriteLine("<p>" + E(ReportFacts.Plural(suppressed.Count, "finding")) + " suppressed (inline comments, configuration or baseline); they do not count towards the verdict.</p>");
        html.WriteLine("<details><summary>List the suppressed findings" + (listed < suppressed.Count ? " (the first " + ReportFacts.Invariant(listed) + ")" : string.Empty) + "</summary>");
        html.WriteLine("<div class=\"scroll\"><table><thead><tr><th>Severity</th><th>Rule</th><th>Location</th><th>Resource</th><th>Suppressed by</th><th>Reason</th></tr></thead><tbody>");
        foreach (var f in suppressed.Take(listed))
        {
            html.WriteLine("<tr><td class=\"sev " + f.Severity.ToName() + "\">" + f.Severity.ToName() + "</td><td><code>" + E(f.RuleId) + "</code></td><td><code>" + E(f.Location.ToString()) + "</code></td><td><code>"
                + E(f.Resource.QualifiedAddress) + "</code></td><td>" + E(f.Suppression!.Kind.ToName()) + "</td><td>" + E(f.Suppression.Reason ?? string.Empty) + "</td></tr>");
        }

        html.WriteLine("</tbody></table></div></details></section>");
    }

    private static void WriteDiagnostics(StreamWriter html, ScanReport report)
    {
        if (report.Diagnostics.IsEmpty)
        {
            return;
        }

        var diagnostics = ReportFacts.DiagnosticsByImportance(report);
        var listed = Math.Min(diagnostics.Count, MaxListedDiagnostics);
        var open = Math.Min(listed, OpenDiagnostics);
        html.WriteLine("<section id=\"diagnostics\"><h2>What could not be checked</h2>");
        html.WriteLine("<p>" + E(ReportFacts.Plural(diagnostics.Count, "diagnostic")) + ": inputs that could not be read, parsed or fully checked, and notes on what was left out.</p>");
        WriteDiagnosticTable(html, diagnostics.Take(open), header: true);
        if (listed > open)
        {
            html.WriteLine("<details class=\"more-diagnostics\"><summary>" + ReportFacts.Invariant(listed - open) + " more of " + E(ReportFacts.Plural(diagnostics.Count, "diagnostic")) + "</summary>");
            WriteDiagnosticTable(html, diagnostics.Skip(open).Take(listed - open), header: false);
            html.WriteLine("</details>");
        }

        if (diagnostics.Count > listed)
        {
            html.WriteLine("<p class=\"note\">" + E(ReportFacts.Plural(diagnostics.Count - listed, "more diagnostic")) + " not listed here; the JSON and SARIF reports have them.</p>");
        }

        html.WriteLine("</section>");
    }

    private static void WriteDiagnosticTable(StreamWriter html, IEnumerable<Diagnostic> diagnostics, bool header)
    {
        html.WriteLine("<div class=\"scroll\"><table class=\"diagnostics\">"
            + (header ? "<thead><tr><th>Severity</th><th>Checked</th><th>Location</th><th>Message</th></tr></thead>" : string.Empty) + "<tbody>");
        foreach (var d in diagnostics)
        {
            var checkedText = d.Incomplete switch
            {
                IncompleteKind.Skipped => "not checked",
                IncompleteKind.Partial => "in part",
                _ => d.Severity == DiagnosticSeverity.Error ? "not checked" : string.Empty,
            };
            html.WriteLine("<tr><td>" + d.Severity.ToName() + "</td><td>" + checkedText + "</td><td><code>" + E(d.Location.ToString()) + "</code></td><td>" + E(ReportFacts.Clip(d.Message, MaxMessageLength)) + "</td></tr>");
        }

        html.WriteLine("</tbody></table></div>");
    }

    private static string RuleLink(ScanReport report, string ruleId) =>
        report.Rules.ContainsKey(ruleId)
            ? "<a class=\"rule-id\" href=\"" + E(ReportFacts.RuleDocumentationUri(ruleId)) + "\"><code>" + E(ruleId) + "</code></a>"
            : "<code>" + E(ruleId) + "</code>";

    private static string E(string text) => HtmlText.Encode(text);
}
