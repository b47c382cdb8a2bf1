using System.Collections.Immutable;
using Shipshape.Core;

namespace Shipshape.Ingest.Discovery;

/// <summary>The files discovery found, in deterministic order (root order, then ordinal relative path), and what it could not read.</summary>
public sealed record DiscoveryResult
{
    public required ImmutableArray<DiscoveredFile> Files { get; init; }
    public required ImmutableArray<Diagnostic> Diagnostics { get; init; }
    /// <summary>Container images (layout directories and archives) that <see cref="DiscoveryOptions"/> recognised, read by the image reader rather than as files.</summary>
    public ImmutableArray<DiscoveredFile> Images { get; init; } = [];
    /// <summary>Files left out because a NUL byte appears in their first 8000 bytes (git's heuristic).</summary>
    public int SkippedBinary { get; init; }
    /// <summary>Files and directories left out by .gitignore, .shipshapeignore or extra patterns (an ignored directory counts once).</summary>
    public int SkippedIgnored { get; init; }
    /// <summary>Files left out for exceeding the size limit; each also has a warning diagnostic.</summary>
    public int SkippedOversize { get; init; }
    /// <summary>Symlinks not followed: links to directories, links leading outside the root, broken or looping links.</summary>
    public int SkippedSymlinks { get; init; }
    /// <summary>FIFOs, sockets and device nodes, never opened; each also has a diagnostic.</summary>
    public int SkippedSpecial { get; init; }
}
