using System.Globalization;
using Shipshape.Core;

namespace Shipshape.Reporting;

/// <summary>Small derivations from a report that several writers share.</summary>
internal static class ReportFacts
{
    /// <summary>
    /// The rule's metadata; when the report lacks it (a rule that ran outside the catalogue), a stand-in
    /// built from the finding, so that a writer never fails on an incomplete report.
    /// </summary>
    public static RuleMetadata RuleFor(ScanReport report, Finding finding) =>
        report.Rules.TryGetValue(finding.RuleId, out var rule)
            ? rule
            : new RuleMetadata
            {
                Id = finding.RuleId,
                Title = finding.Title,
                Severity = finding.Severity,
                Practice = finding.Practice,
                Description = finding.Title,
                Rationale = string.Empty,
                Remediation = string.Empty,
                Equivalents = finding.Equivalents,
            };

    /// <summary>The remediation text for a finding's rule, or null when the report has none.</summary>
    public static string? RemediationFor(ScanReport report, Finding finding) =>
        report.Rules.TryGetValue(finding.RuleId, out var rule) && !string.IsNullOrWhiteSpace(rule.Remediation)
            ? rule.Remediation
            : null;

    /// <summary>"1 critical, 2 high" over the non-zero severities, most severe first; empty when there are none.</summary>
    public static string SeverityCounts(IEnumerable<Finding> findings)
    {
        var list = findings as IReadOnlyCollection<Finding> ?? findings.ToList();
        var parts = new List<string>();
        foreach (var severity in SeverityNames.Descending)
        {
            var count = list.Count(f => f.Severity == severity);
            if (count > 0)
            {
                parts.Add(Invariant(count) + " " + severity.ToName());
            }
        }

        return string.Join(", ", parts);
    }

    /// <summary>"N finding(s)" with the right plural.</summary>
    public static string Plural(int count, string singular) =>
        Invariant(count) + " " + (count == 1 ? singular : singular + "s");

    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The name of a suppression's origin as the JSON report spells it.</summary>
    public static string ToName(this SuppressionKind kind) => kind switch
    {
        SuppressionKind.Inline => "inline",
        SuppressionKind.Config => "config",
        SuppressionKind.Baseline => "baseline",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The lower-case name of a diagnostic severity, as the JSON report spells it.</summary>
    public static string ToName(this DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    /// <summary>"Not fully checked: 2 inputs not checked, 1 checked in part." or null when everything was checked.</summary>
    public static string? Coverage(ScanSummary summary) => summary.Incomplete
        ? "Not fully checked: " + Plural(summary.NotChecked, "input") + " not checked, " + Invariant(summary.PartlyChecked) + " checked in part (see the diagnostics)."
        : null;

    /// <summary>The name of an incomplete kind in reports: "skipped" or "partial".</summary>
    public static string ToName(this IncompleteKind kind) => kind == IncompleteKind.Skipped ? "skipped" : "partial";

    /// <summary>Where a rule's documentation page (docs/rules/&lt;ID&gt;.md, generated from its metadata) is published.</summary>
    public static string RuleDocumentationUri(string ruleId) =>
        SarifReportWriter.InformationUri + "/blob/main/docs/rules/" + Uri.EscapeDataString(ruleId) + ".md";

    /// <summary>
    /// Findings in the order people read them: most severe first, then path and line (a line-less finding first
    /// in its file); the report's own order breaks ties, so the result stays deterministic.
    /// </summary>
    public static List<Finding> BySeverityThenLocation(IEnumerable<Finding> findings) =>
        findings.OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Location.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Location.StartLine)
            .ToList();

    /// <summary>
    /// The rules of <paramref name="findings"/> with their findings, most severe rule first (by its most severe
    /// finding), then by ID; each rule's findings in <see cref="BySeverityThenLocation"/> order.
    /// </summary>
    public static List<(string RuleId, List<Finding> Findings)> ByRule(IEnumerable<Finding> findings) =>
        findings.GroupBy(f => f.RuleId, StringComparer.Ordinal)
            .Select(g => (RuleId: g.Key, Findings: BySeverityThenLocation(g)))
            .OrderByDescending(g => g.Findings[0].Severity)
            .ThenBy(g => g.RuleId, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The diagnostics in the order a reader needs them: errors, then inputs not checked, then those checked in
    /// part, then the rest; the report's order within each.
    /// </summary>
    public static List<Diagnostic> DiagnosticsByImportance(ScanReport report) =>
        report.Diagnostics.OrderBy(d => d.Severity == DiagnosticSeverity.Error ? 0
                : d.Incomplete == IncompleteKind.Skipped ? 1
                : d.Incomplete == IncompleteKind.Partial ? 2
                : 3)
            .ToList();

    /// <summary>
    /// The inputs not fully checked (<see cref="ScanReport.Incomplete"/>), one per path in report order, each with its
    /// diagnostics' messages and whether any skipped it entirely: the ASFF and OCSF writers report them as
    /// informational findings, so that a partial scan never looks clean there either.
    /// </summary>
    public static List<(string Path, bool Skipped, string Message)> IncompleteInputs(ScanReport report) =>
        report.Incomplete.GroupBy(d => d.Location.Path, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Any(d => d.Incomplete == IncompleteKind.Skipped),
                string.Join("; ", g.Select(d => d.Message).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct(StringComparer.Ordinal))))
            .ToList();

    /// <summary>The stable ID of the "not fully checked" finding of an input: a hash of its repository-relative path.</summary>
    public static string IncompleteId(string repositoryPath) =>
        "shipshape/incomplete/" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(repositoryPath)))[..32];

    /// <summary>At most <paramref name="max"/> characters of <paramref name="text"/>, ending in "…" when cut.</summary>
    public static string Clip(string text, int max) =>
        text.Length <= max ? text : text[..(char.IsHighSurrogate(text[max - 2]) ? max - 2 : max - 1)] + "…";
}
