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
}
