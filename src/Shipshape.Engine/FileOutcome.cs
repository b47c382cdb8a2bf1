using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Core.Model;
using Shipshape.Engine.Suppressions;

namespace Shipshape.Engine;

/// <summary>What reading one file produced.</summary>
internal sealed record FileOutcome(
    string Path,
    bool Scanned,
    ImmutableArray<Resource> Resources,
    ImmutableArray<Diagnostic> Diagnostics,
    ImmutableArray<InlineSuppression> Suppressions);
