using Shipshape.Core;

namespace Shipshape.Ingest.Discovery;

/// <summary>A file that passed discovery: readable, within the size limit, not binary, not ignored.</summary>
/// <param name="FullPath">The absolute path to read; for a followed file symlink, its resolved target inside the root.</param>
/// <param name="RelativePath">The path relative to <paramref name="Root"/> with '/' separators (the link's own path for a symlink); the file name when the root is a file.</param>
/// <param name="Root">The absolute scan root the file was found under.</param>
/// <param name="Length">The size in bytes when discovered.</param>
/// <param name="Format">What <see cref="FormatSniffer"/> made of the name and the first bytes.</param>
public sealed record DiscoveredFile(string FullPath, string RelativePath, string Root, long Length, InputFormat Format)
{
    /// <summary>The scanned path as the user gave it (see <see cref="DisplayPaths.Prefix"/>); "" for the current directory.</summary>
    public string DisplayRoot { get; init; } = string.Empty;

    /// <summary>
    /// The whole file, when the probe that sniffed its format already read all of it (a file no longer than
    /// <see cref="FileDiscovery.BinaryProbeBytes"/>, within <see cref="DiscoveryOptions.MaxRetainedBytes"/> for the
    /// scan): readers use it instead of opening the file a second time. Null otherwise.
    /// </summary>
    public ReadOnlyMemory<byte>? Content { get; init; }

    /// <summary>The file's bytes: a copy of <see cref="Content"/> when discovery kept it, else read now (see <see cref="FileDiscovery.ReadListedFile"/>).</summary>
    /// <exception cref="IOException">The file is no longer a regular file, has grown past <paramref name="maxBytes"/>, or cannot be read.</exception>
    public byte[] ReadBytes(long maxBytes) => Content is { } kept ? kept.ToArray() : FileDiscovery.ReadListedFile(FullPath, maxBytes);

    /// <summary>The path reports show: <see cref="DisplayRoot"/> joined with <see cref="RelativePath"/>, so files under two scanned paths never share one.</summary>
    public string DisplayPath => DisplayPaths.Join(DisplayRoot, RelativePath);
}
