using System.Collections.Immutable;
using Shipshape.Core;

namespace Shipshape.Secrets.Git;

/// <summary>A history scan's findings, in commit order, how much it read, and what it could not read (diagnostics at <see cref="GitHistoryScanner.Location"/>).</summary>
public sealed record GitHistoryResult(ImmutableArray<HistoryFile> Files, int Commits, int BlobsScanned, long BytesScanned, ImmutableArray<Diagnostic> Diagnostics);
