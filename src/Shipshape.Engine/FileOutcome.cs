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
}
