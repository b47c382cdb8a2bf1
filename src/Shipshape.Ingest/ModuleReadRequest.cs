using System.Collections.Immutable;
using Shipshape.Ingest.Discovery;

namespace Shipshape.Ingest;

/// <summary>The claimed files of a scan and the user's variable inputs (--var-file paths, --var NAME=VALUE).</summary>
public sealed record ModuleReadRequest(ImmutableArray<DiscoveredFile> Files)
{
    public ImmutableArray<string> VariableFiles { get; init; } = [];
    public ImmutableArray<string> Variables { get; init; } = [];

    /// <summary>How long one root module (with the modules it calls) may take before its evaluation stops with what it has.</summary>
    public TimeSpan ModuleTimeout { get; init; } = Timeout.InfiniteTimeSpan;
}
