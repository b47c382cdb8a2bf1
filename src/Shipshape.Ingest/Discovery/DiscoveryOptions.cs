using System.Collections.Immutable;

namespace Shipshape.Ingest.Discovery;

/// <summary>What <see cref="FileDiscovery"/> walks and what it leaves out.</summary>
public sealed record DiscoveryOptions
{
    /// <summary>10 MiB: larger files are almost never hand-written configuration.</summary>
    public const long DefaultMaxFileBytes = 10L * 1024 * 1024;

    /// <summary>Files or directories to scan, as the user gave them (relative paths resolve against the current directory).</summary>
    public required ImmutableArray<string> Roots { get; init; }

    /// <summary>Files larger than this are skipped with a warning.</summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>Whether .gitignore files inside the scanned directories are honoured; .shipshapeignore always is.</summary>
    public bool UseGitignore { get; init; } = true;

    /// <summary>More patterns in .gitignore syntax, relative to each scan root; they take precedence over every ignore file.</summary>
    public ImmutableArray<string> ExtraIgnorePatterns { get; init; } = [];

    /// <summary>
    /// Binary files that this accepts, given their relative path and first bytes, are kept as <see cref="InputFormat.Binary"/>
    /// (archives, recognised by name or by content, and key stores for the secrets scanner).
    /// </summary>
    public Func<string, byte[], bool>? KeepBinary { get; init; }

    /// <summary>
    /// Recognises a directory (given its full path) as a container image layout: it is handed out whole as an image in
    /// <see cref="DiscoveryResult.Images"/> and not walked. Null: no directory is an image.
    /// </summary>
    public Func<string, bool>? IsImageDirectory { get; init; }

    /// <summary>
    /// Recognises a tar or gzip file (given its full path) as an image archive: handed out in <see cref="DiscoveryResult.Images"/>
    /// whatever its size (the size limit applies to the files inside its layers). Null: no file is an image.
    /// </summary>
    public Func<string, bool>? IsImageFile { get; init; }

    /// <summary>
    /// Small files read whole by the format probe are kept (<see cref="DiscoveredFile.Content"/>) up to this many bytes
    /// in all, so each is opened once; past it, files are read again when they are scanned. 0 keeps nothing.
    /// </summary>
    public long MaxRetainedBytes { get; init; } = DefaultMaxRetainedBytes;

    /// <summary>64 MiB: the probed small files of a large repository, without letting a huge tree hold them all.</summary>
    public const long DefaultMaxRetainedBytes = 64L * 1024 * 1024;
}
