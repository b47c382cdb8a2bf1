using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Core.Model;
using Shipshape.Engine.Suppressions;
using Shipshape.Secrets;

namespace Shipshape.Engine;

/// <summary>What reading one file produced.</summary>
internal sealed record FileOutcome(
    string Path,
    bool Scanned,
    ImmutableArray<Resource> Resources,
    ImmutableArray<Diagnostic> Diagnostics,
    ImmutableArray<InlineSuppression> Suppressions)
{
    /// <summary>Secrets and card numbers in the file's content, when the secrets scanner ran.</summary>
    public ContentScanResult Content { get; init; } = ContentScanResult.Empty;

    /// <summary>For an archive, the outcomes of the text files inside it (virtual paths "a.zip!dir/file").</summary>
    public ImmutableArray<FileOutcome> Members { get; init; } = [];
}
