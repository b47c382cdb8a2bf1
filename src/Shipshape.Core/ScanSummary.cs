using System.Collections.Immutable;

namespace Shipshape.Core;

/// <summary>Counts for the report header; findings counts exclude suppressed findings.</summary>
public sealed record ScanSummary(int FilesScanned, int Resources, int Findings, ImmutableSortedDictionary<Severity, int> BySeverity, int Suppressed);
