namespace Shipshape.Images;

/// <summary>Limits and choices for reading images.</summary>
public sealed record ImageReadOptions
{
    /// <summary>Files in layers larger than this are not read (the scan's --max-file-size).</summary>
    public required long MaxFileBytes { get; init; }

    /// <summary>"os/arch[/variant]": only that platform of a multi-platform index; null for every platform.</summary>
    public string? Platform { get; init; }

    /// <summary>What all layers of one image may expand to: 64 GiB, far above real images, below a bomb's reach.</summary>
    public long MaxImageBytes { get; init; } = 64L * 1024 * 1024 * 1024;

    /// <summary>A layer expanding beyond this many times its compressed bytes is a bomb (real layers stay under 20).</summary>
    public int MaxCompressionRatio { get; init; } = 200;

    /// <summary>Below this many expanded bytes the ratio is not judged (a tiny layer of zeros is not a bomb worth stopping).</summary>
    public long RatioFloorBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Manifests, indexes and configs larger than this are not JSON an image tool wrote.</summary>
    public int MaxJsonBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>What image signatures are verified against (--key, --trust-root, --notation-cert); none by default.</summary>
    public Signatures.SignatureTrust Trust { get; init; } = Signatures.SignatureTrust.None;

    /// <summary>Members an archive or layout may have.</summary>
    public int MaxMembers { get; init; } = Shipshape.Secrets.Sources.ArchiveReader.MaxMembers;
}
