using System.Collections.Immutable;
using Shipshape.Core.Inventory;

namespace Shipshape.Core;

/// <summary>The immutable result of a scan; every writer is a pure function of it.</summary>
public sealed record ScanReport
{
    public required string ToolVersion { get; init; }
    /// <summary>Findings in deterministic order: path, line, rule, resource, property path.</summary>
    public required ImmutableArray<Finding> Findings { get; init; }
    public required ImmutableArray<Diagnostic> Diagnostics { get; init; }
    /// <summary>Metadata of every rule that ran, by ID, so writers can describe rules (SARIF, documentation).</summary>
    public required ImmutableSortedDictionary<string, RuleMetadata> Rules { get; init; }
    public required int FilesScanned { get; init; }

    /// <summary>The evaluation records: per rule that ran, what it checked and how each resource fared, by rule ID.</summary>
    public ImmutableArray<RuleCheck> Checks { get; init; } = [];

    /// <summary>Per practice area, how many distinct resources its rules checked (not-applicable ones left out).</summary>
    public ImmutableSortedDictionary<Practice, int> CheckedByPractice { get; init; } = ImmutableSortedDictionary<Practice, int>.Empty;

    public required int Resources { get; init; }
    /// <summary>The threshold the exit code is computed with.</summary>
    public Severity FailOn { get; init; } = Severity.High;
    /// <summary>Whether failing findings still exit 0 (--soft-fail or softFail in the configuration).</summary>
    public bool SoftFail { get; init; }
    /// <summary>Whether anything not fully checked exits 2 (--fail-on-incomplete or failOnIncomplete in the configuration).</summary>
    public bool FailOnIncomplete { get; init; }

    /// <summary>
    /// Where paths are anchored: SARIF URIs relative to the repository root; null when the report was not made by a
    /// scan of files (then paths are used as they are).
    /// </summary>
    public SourceRoot? Source { get; init; }

    /// <summary>What the scanned images and source trees contain (their SBOM), in scan order; empty when nothing was inventoried.</summary>
    public ImmutableArray<SoftwareInventory> Inventories { get; init; } = [];

    public IEnumerable<Finding> Active => Findings.Where(f => !f.Suppressed);

    public ScanSummary Summary
    {
        get
        {
            var bySeverity = SeverityNames.Descending.ToImmutableSortedDictionary(s => s, s => Active.Count(f => f.Severity == s));
            var notChecked = Incomplete.Where(d => d.Incomplete == IncompleteKind.Skipped).Select(d => d.Location.Path).ToHashSet(StringComparer.Ordinal);
            var partly = Incomplete.Select(d => d.Location.Path).Where(p => !notChecked.Contains(p)).Distinct(StringComparer.Ordinal).Count();
            return new ScanSummary(FilesScanned, Resources, Active.Count(), bySeverity, Findings.Count(f => f.Suppressed))
            {
                NotChecked = notChecked.Count,
                PartlyChecked = partly,
            };
        }
    }

    /// <summary>
    /// The diagnostics that mean something was not fully checked: those that say so (<see cref="Diagnostic.Incomplete"/>)
    /// and every error (an input that could not be parsed is not checked).
    /// </summary>
    public IEnumerable<Diagnostic> Incomplete => Diagnostics.Where(d => d.Incomplete is not null || d.Severity == DiagnosticSeverity.Error);

    /// <summary>Whether an unsuppressed finding at or above the threshold remains.</summary>
    public bool Fails => Active.Any(f => f.Severity >= FailOn);
}
