using System.Collections.Immutable;

namespace Shipshape.Secrets.Git;

/// <summary>A history scan's findings, in commit order, and how much it read.</summary>
public sealed record GitHistoryResult(ImmutableArray<HistoryFile> Files, int Commits, int BlobsScanned, long BytesScanned);
