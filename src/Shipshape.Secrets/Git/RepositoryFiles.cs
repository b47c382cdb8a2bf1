using System.Collections.Concurrent;

namespace Shipshape.Secrets.Git;

/// <summary>
/// The one way the git reader touches the file system: every path is checked to stay inside the scanned root
/// (symbolic links included) unless following external paths was asked for, and files are read with a size cap
/// and never opened when they report no length (FIFOs and devices do), so nothing blocks or reads elsewhere.
/// </summary>
internal sealed class RepositoryFiles
{
    // Linux gives up after 40 links; a chain this long inside one repository is hostile.
    private const int MaxLinkHops = 8;

    private readonly ConcurrentDictionary<string, bool> _allowedDirectories = new(StringComparer.Ordinal);

    public RepositoryFiles(string root, bool followExternal)
    {
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        FollowExternal = followExternal;
    }

    public string Root { get; }

    public bool FollowExternal { get; }

    public bool IsInsideRoot(string fullPath)
    {
        var path = Path.TrimEndingDirectorySeparator(fullPath);
        return path == Root || path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || (Root.EndsWith(Path.DirectorySeparatorChar) && path.StartsWith(Root, StringComparison.Ordinal));
    }

    /// <summary>Whether the path, and every link on the way to it from the root, stays inside the root (always, when following external paths).</summary>
    public bool Allows(string path) => FollowExternal || Allows(Path.GetFullPath(path), 0);

    /// <summary>Like <see cref="Allows(string)"/> for a file in a directory that is checked once and remembered (loose objects).</summary>
    public bool AllowsFileIn(string directory, string file)
    {
        if (FollowExternal)
        {
            return true;
        }

        if (!_allowedDirectories.TryGetValue(directory, out var allowed))
        {
            allowed = Allows(directory);
            _allowedDirectories[directory] = allowed;
        }

        return allowed && (new FileInfo(file).LinkTarget is null || Allows(file));
    }

    /// <summary>
    /// A small file's bytes: null when it does not exist; a problem (and null) when it is outside the root or over
    /// <paramref name="maxBytes"/>; empty when it reports no length.
    /// </summary>
    public byte[]? ReadSmall(string path, long maxBytes, out string? problem)
    {
        problem = null;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return null;
            }

            if (!Allows(path))
            {
                problem = $"{path} leads outside the scanned root: not read";
                return null;
            }

            if (info.Length > maxBytes)
            {
                problem = $"{path} is {info.Length} bytes, over the limit of {maxBytes}: not read";
                return null;
            }

            if (info.Length == 0)
            {
                return [];
            }

            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var buffer = new byte[info.Length];
            var total = 0;
            while (total < buffer.Length)
            {
                var read = RandomAccess.Read(handle, buffer.AsSpan(total), total);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            return total == buffer.Length ? buffer : buffer[..total];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"{path} cannot be read: {ex.Message}";
            return null;
        }
    }

    private bool Allows(string fullPath, int hops)
    {
        if (!IsInsideRoot(fullPath) || hops > MaxLinkHops)
        {
            return false;
        }

        // Every component below the root may be a link; the root itself was chosen by the user.
        for (var p = Path.TrimEndingDirectorySeparator(fullPath); p.Length > Root.Length; p = Path.GetDirectoryName(p) ?? Root)
        {
            string? target;
            try
            {
                target = new FileInfo(p).LinkTarget;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return false;
            }

            if (target is not null)
            {
                var resolved = Path.GetFullPath(target, Path.GetDirectoryName(p) ?? Root);
                var rest = Path.GetRelativePath(p, fullPath);
                return Allows(rest == "." ? resolved : Path.GetFullPath(Path.Combine(resolved, rest)), hops + 1);
            }
        }

        return true;
    }
}
