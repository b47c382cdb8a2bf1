namespace Shipshape.Secrets.Git;

/// <summary>How a repository is read: the largest blob to inflate, and whether files outside the scanned root may be followed.</summary>
/// <param name="MaxBlobBytes">Blobs larger than this are reported, not inflated.</param>
/// <param name="FollowExternal">
/// Follow a .git file, commondir or objects/info/alternates naming a place outside the scanned root, and read the
/// repository of a parent directory; off by default, since a scanned tree must not make the scanner read elsewhere.
/// </param>
public sealed record GitReadOptions(long MaxBlobBytes, bool FollowExternal = false)
{
    public static GitReadOptions Default { get; } = new(10L * 1024 * 1024);
}
