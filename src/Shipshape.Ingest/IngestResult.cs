using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Core.Model;

namespace Shipshape.Ingest;

/// <summary>What one input produced: model resources and the problems met reading it.</summary>
public sealed record IngestResult(ImmutableArray<Resource> Resources, ImmutableArray<Diagnostic> Diagnostics)
{
    public static IngestResult Empty { get; } = new([], []);
}
