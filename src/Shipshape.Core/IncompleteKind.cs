namespace Shipshape.Core;

/// <summary>What a diagnostic means for the scan's coverage: something that should have been checked was not, or only in part.</summary>
public enum IncompleteKind
{
    /// <summary>Not checked at all: skipped (too large, a special file, unreadable, outside the root) or its reading failed.</summary>
    Skipped,

    /// <summary>Checked in part: a time, size or work budget ran out, findings were capped, or a part could not be read.</summary>
    Partial,
}
