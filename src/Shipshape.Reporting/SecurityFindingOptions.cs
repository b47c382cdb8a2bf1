using System.Collections.Immutable;

namespace Shipshape.Reporting;

/// <summary>
/// What the ASFF and OCSF writers need beyond the report: the time of the export, the AWS account and Region the
/// findings belong to, and the records of an earlier export that this one replaces. The command line builds it once.
/// </summary>
public sealed record SecurityFindingOptions
{
    /// <summary>When the findings were observed and the records written (UpdatedAt, LastObservedAt, OCSF time).</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The 12-digit account BatchImportFindings is called with; required by ASFF.</summary>
    public string? AwsAccountId { get; init; }

    /// <summary>The Region of the Security Hub the findings are imported into, for example eu-west-1; required by ASFF.</summary>
    public string? AwsRegion { get; init; }

    /// <summary>
    /// Findings of an earlier export (a previous ASFF file or a baseline): those this scan no longer reports are
    /// written again with RecordState ARCHIVED; those it still reports keep their CreatedAt and FirstObservedAt.
    /// </summary>
    public ImmutableArray<PreviousFinding> Previous { get; init; } = [];
}
