using System.Text.RegularExpressions;
using Shipshape.Core;
using Shipshape.Reporting;

namespace Shipshape.Tests.Reporting;

public sealed partial class HtmlReportWriterTests
{
    [Fact]
    public void Write_MessageWithMarkup_IsEncodedNotInjected()
    {
        var html = ReportOutput.Text(new HtmlReportWriter(), SampleReport.WithMessage("<script>alert(1)</script> & \u001b[31mred \"quoted\""));

        Assert.Equal(1, Regex.Count(html, "<script>", RegexOptions.None, TimeSpan.FromSeconds(1))); // the report's own script only
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; [31mred &quot;quoted&quot;", html, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', html);
    }

    [Fact]
    public void Write_PathWithMarkup_IsEncodedInCellsAndNeverInAttributes()
    {
        var report = SampleReport.Create() with
        {
            Findings = [SampleReport.Privileged with { Location = new SourceSpan("x\"><img src=x onerror=alert(1)>.yaml", 3, 1, 3, 1) }],
        };

        var html = ReportOutput.Text(new HtmlReportWriter(), report);

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"loc\">x&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.yaml:3</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SampleReport_IsSelfContainedAndReadableOnAPhone()
    {
        var html = ReportOutput.Text(new HtmlReportWriter(), SampleReport.Create());

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html, StringComparison.Ordinal);
        Assert.Contains("@media (max-width:40rem)", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
        // Every address in the page is a link's target: the rule pages and the references in rule text.
        var hrefs = HrefPattern().Matches(html).Select(m => m.Groups[1].Value).Where(h => !h.StartsWith('#')).ToList();
        Assert.Equal(
            ["https://github.com/shipshape-sec/shipshape/blob/main/docs/rules/SHP-CTR-001.md", "https://github.com/shipshape-sec/shipshape/blob/main/docs/rules/SHP-LOG-003.md"],
            hrefs);
        Assert.Equal(2, Regex.Count(html, "https?://", RegexOptions.None, TimeSpan.FromSeconds(1)));
        Assert.EndsWith("</body></html>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SampleReport_HasContentsSummaryAndVerdict()
    {
        var html = ReportOutput.Text(new HtmlReportWriter(), SampleReport.Create());

        Assert.Contains("<li><a href=\"#practice-host-and-container\">Host and container security</a>: 1 finding</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>IAM management: no findings</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#suppressed\">Suppressed findings</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td class=\"sev high\">high</td><td class=\"n\">1</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td class=\"sev critical\">critical</td><td class=\"n\">0</td></tr>", html, StringComparison.Ordinal); // the critical one is suppressed
        Assert.Contains("<tr><td><a href=\"#practice-logging-and-monitoring\">Logging and monitoring</a></td><td><span class=\"bad\">✖ 1 finding</span></td>"
            + "<td class=\"n\">0</td><td class=\"n\">0</td><td class=\"n\">1</td><td class=\"n\">0</td><td class=\"n\">0</td><td class=\"n\">0</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Secrets management</td><td><span class=\"ok\">✔ no findings</span></td>"
            + "<td class=\"n\">0</td><td class=\"n\">0</td><td class=\"n\">0</td><td class=\"n\">0</td><td class=\"n\">0</td><td class=\"n\">1</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"verdict bad\" id=\"verdict\">✖ exit 1: 1 finding at or above high (--fail-on high)</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SampleReport_LinksRulesAndListsSuppressedAndDiagnostics()
    {
        var html = ReportOutput.Text(new HtmlReportWriter(), SampleReport.Create());

        Assert.Contains("<a class=\"rule-id\" href=\"https://github.com/shipshape-sec/shipshape/blob/main/docs/rules/SHP-CTR-001.md\"><code>SHP-CTR-001</code></a> Container runs privileged", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"fix\"><p><strong>Fix</strong></p><p>Remediate SHP-CTR-001.</p></div>", html, StringComparison.Ordinal);
        Assert.Contains("<p>1 finding suppressed (inline comments, configuration or baseline); they do not count towards the verdict.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<td><code>SHP-SEC-002</code></td><td><code>task-def.json</code></td><td><code>app</code></td><td>config</td><td>Test key, rotated</td>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>error</td><td>not checked</td><td><code>broken.json:3</code></td><td>Unexpected token '}'.</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>warning</td><td></td><td><code>huge.yaml</code></td><td>File is larger than 5 MB; skipped.</td></tr>", html, StringComparison.Ordinal);
        // The suppressed finding is not among the filterable rows.
        Assert.Equal(2, Regex.Count(html, "<tr data-severity=", RegexOptions.None, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Write_FindingsOfOneRule_SortedBySeverityThenPathThenLine()
    {
        var report = SampleReport.Create() with
        {
            Findings =
            [
                At("b.yaml", 9, Severity.Medium), At("a.yaml", 1, Severity.Medium), At("a.yaml", 30, Severity.High),
                At("b.yaml", 2, Severity.High), At("a.yaml", 4, Severity.High), At("c.yaml", 0, Severity.Critical),
            ],
        };

        var html = ReportOutput.Text(new HtmlReportWriter(), report);

        Assert.Equal(["c.yaml", "a.yaml:4", "a.yaml:30", "b.yaml:2", "a.yaml:1", "b.yaml:9"], Locations(html));
        Assert.Contains("Container runs privileged <span class=\"sev critical\">critical</span> <span class=\"note\">6 findings</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_RuleWithManyFindings_ShowsTheFixOnceAndCollapsesAllButTheFirst()
    {
        var findings = Enumerable.Range(1, 30).Select(i => At("app.yaml", i, Severity.High)).ToList();
        var report = SampleReport.Create() with { Findings = [.. findings] };

        var html = ReportOutput.Text(new HtmlReportWriter(), report);

        Assert.Equal(1, Regex.Count(html, "Remediate SHP-CTR-001", RegexOptions.None, TimeSpan.FromSeconds(1)));
        var details = html.IndexOf("<details class=\"more\"><summary>27 more of 30 findings</summary>", StringComparison.Ordinal);
        Assert.True(details > 0);
        Assert.Equal(["app.yaml:1", "app.yaml:2", "app.yaml:3"], Locations(html[..details]));
        Assert.Equal(Enumerable.Range(4, 27).Select(i => "app.yaml:" + i), Locations(html[details..]));
        Assert.DoesNotContain("listing-note", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ThousandsOfFindings_ListsAnEqualShareOfEachRuleWithinTheBudgetAndSaysSo()
    {
        var findings = Enumerable.Range(0, 10)
            .SelectMany(r => Enumerable.Range(1, r == 0 ? 3 : 2000).Select(i => At("services/app-" + i + ".yaml", i, Severity.Low) with { RuleId = "SHP-X-" + r }))
            .ToList();
        var report = SampleReport.Create() with { Findings = [.. findings], Diagnostics = [] };

        var html = ReportOutput.Text(new HtmlReportWriter(), report);

        var rows = RowPattern().Matches(html).Select(m => m.Value).ToList();
        var perRule = (rows.Count - 3) / 9;
        Assert.Equal(3 + (9 * perRule), rows.Count); // the small rule lists all 3, the others the same share
        Assert.InRange(perRule, HtmlReportWriter.OpenFindingsPerRule + 1, 200);
        Assert.InRange(rows.Sum(r => r.Length), HtmlReportWriter.RowBudget - (9 * rows.Max(r => r.Length)), HtmlReportWriter.RowBudget);
        Assert.Contains("This report lists " + rows.Count + " of the 18003 findings (at most " + perRule + " per rule) so that it stays small;", html, StringComparison.Ordinal);
        Assert.Equal(9, Regex.Count(html, "<p class=\"note\">" + (2000 - perRule) + " more findings of SHP-X-\\d not listed here; the JSON and SARIF reports have them.</p>", RegexOptions.None, TimeSpan.FromSeconds(1)));
        Assert.InRange(html.Length, HtmlReportWriter.RowBudget, HtmlReportWriter.RowBudget + 50_000);
    }

    [Fact]
    public void Write_RuleTextWithMarkdown_IsRenderedSafely()
    {
        var rule = SampleReport.Rules[SampleReport.PrivilegedRule] with
        {
            Remediation = "Set `privileged: false`; see [the docs](https://docs.aws.amazon.com/x) or [this](javascript:alert(1)).",
        };
        var report = SampleReport.Create() with { Rules = SampleReport.Rules.SetItem(SampleReport.PrivilegedRule, rule) };

        var html = ReportOutput.Text(new HtmlReportWriter(), report);

        Assert.Contains("<p>Set <code>privileged: false</code>; see <a href=\"https://docs.aws.amazon.com/x\" rel=\"noopener noreferrer\">the docs</a> or [this](javascript:alert(1)).</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_RuleTextWithBlocks_RendersParagraphsListsCodeAndBold()
    {
        var rule = SampleReport.Rules[SampleReport.PrivilegedRule] with
        {
            Description = "Finds **privileged** containers.",
            Remediation = "Do one of:\n\n- drop `privileged`\n- add one capability\n  only\n\n```yaml\nprivileged: false # <not \"true\">\n```\nThen <b>redeploy</b> & check.",
        };
        var report = SampleReport.Create() with { Rules = SampleReport.Rules.SetItem(SampleReport.PrivilegedRule, rule) };

        var html = ReportOutput.Text(new HtmlReportWriter(), report);

        Assert.Contains("<div class=\"about\"><p>Finds <strong>privileged</strong> containers.</p><div class=\"fix\"><p><strong>Fix</strong></p>"
            + "<p>Do one of:</p><ul><li>drop <code>privileged</code></li><li>add one capability only</li></ul>"
            + "<pre><code>privileged: false # &lt;not &quot;true&quot;&gt;</code></pre>"
            + "<p>Then &lt;b&gt;redeploy&lt;/b&gt; &amp; check.</p></div></div>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Diagnostics_ErrorsFirstAndBeyondTheLimitCounted()
    {
        var diagnostics = Enumerable.Range(1, 150).Select(i => Diagnostic.Info(SourceSpan.FileOnly("note" + i + ".yaml"), "a note"))
            .Append(Diagnostic.Error(SourceSpan.FileOnly("broken.yaml"), "bad"))
            .ToList();
        var report = SampleReport.Create() with { Diagnostics = [.. diagnostics] };

        var html = ReportOutput.Text(new HtmlReportWriter(), report);

        var section = html[html.IndexOf("<section id=\"diagnostics\">", StringComparison.Ordinal)..];
        Assert.StartsWith("<section id=\"diagnostics\"><h2>What could not be checked</h2>\n<p>151 diagnostics:", section, StringComparison.Ordinal);
        Assert.Contains("<thead><tr><th>Severity</th><th>Checked</th><th>Location</th><th>Message</th></tr></thead><tbody>\n<tr><td>error</td><td>not checked</td><td><code>broken.yaml</code></td>", section, StringComparison.Ordinal);
        Assert.Contains("<summary>80 more of 151 diagnostics</summary>", section, StringComparison.Ordinal);
        Assert.Contains("<p class=\"note\">51 more diagnostics not listed here; the JSON and SARIF reports have them.</p>", section, StringComparison.Ordinal);
    }

    private static Finding At(string path, int line, Severity severity) =>
        SampleReport.Privileged with
        {
            Location = line > 0 ? new SourceSpan(path, line, 1, line, 1) : SourceSpan.FileOnly(path),
            Severity = severity,
            Fingerprint = "fp-" + path + "-" + line,
        };

    private static List<string> Locations(string html) =>
        LocationPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("<td class=\"loc\">([^<]*)</td>")]
    private static partial Regex LocationPattern();

    [GeneratedRegex("<tr data-severity=.*?</tr>")]
    private static partial Regex RowPattern();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex HrefPattern();
}
