namespace Shipshape.Core.Model;

/// <summary>Recognises files of an image by their path (no leading '/'): decided here once for the image adapter and the rules.</summary>
public static class ImageFileKinds
{
    private static readonly string[] SudoPaths = ["usr/bin/sudo", "bin/sudo", "usr/local/bin/sudo"];

    private static readonly string[] SshServerPaths = ["usr/sbin/sshd", "sbin/sshd", "usr/bin/sshd", "usr/sbin/dropbear", "usr/bin/dropbear"];

    public static ImageFileKind? Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (SudoPaths.Contains(path, StringComparer.Ordinal))
        {
            return ImageFileKind.Sudo;
        }

        if (SshServerPaths.Contains(path, StringComparer.Ordinal))
        {
            return ImageFileKind.SshServer;
        }

        return PackageCacheOf(path) is not null ? ImageFileKind.PackageCache : null;
    }

    /// <summary>The cache directory a file belongs to ("var/lib/apt/lists"), or null when it is not a package cache file.</summary>
    public static string? PackageCacheOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.StartsWith("var/cache/apt/archives/", StringComparison.Ordinal) && path.EndsWith(".deb", StringComparison.Ordinal))
        {
            return "var/cache/apt/archives";
        }

        // apt keeps "lock" and an empty "partial/" even after rm -rf /var/lib/apt/lists/*; only index files count.
        if (path.StartsWith("var/lib/apt/lists/", StringComparison.Ordinal) && !path.EndsWith("/lock", StringComparison.Ordinal)
            && !path.StartsWith("var/lib/apt/lists/partial/", StringComparison.Ordinal) && !path.EndsWith("/auxfiles", StringComparison.Ordinal))
        {
            return "var/lib/apt/lists";
        }

        if (path.StartsWith("var/cache/apk/", StringComparison.Ordinal))
        {
            return "var/cache/apk";
        }

        if (path.StartsWith("root/.cache/pip/", StringComparison.Ordinal))
        {
            return "root/.cache/pip";
        }

        return null;
    }
}
