using System.Collections.Immutable;

namespace Shipshape.Core;

/// <summary>Counts for the report header; findings counts exclude suppressed findings.</summary>
public sealed record ScanSummary(int FilesScanned, int Resources, int Findings, ImmutableSortedDictionary<Severity, int> BySeverity, int Suppressed)
{
    /// <summary>Inputs (files, archive members, the git history) that were not checked at all.</summary>
    public int NotChecked { get; init; }

    /// <summary>Inputs checked only in part: a budget ran out, something in them could not be read or parsed.</summary>
    public int PartlyChecked { get; init; }

    /// <summary>Whether anything was not fully checked.</summary>
    public bool Incomplete => NotChecked + PartlyChecked > 0;
}
