namespace Shipshape.Ingest.Discovery;

/// <summary>Resolves every symlink in a path, component by component, like realpath(3).</summary>
internal static class PathResolver
{
    // The same bound as Linux's ELOOP limit on symlinks followed during one lookup.
    private const int MaxLinks = 40;

    /// <summary>The physical path, or null when a link is broken or the chain loops.</summary>
    public static string? RealPath(string path)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or IOException or NotSupportedException)
        {
            return null;
        }

        var current = Path.GetPathRoot(full) ?? string.Empty;
        var pending = new Stack<string>();
        PushComponents(pending, full[current.Length..]);
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                // current has no links left in it, so its lexical parent is its physical parent.
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var candidate = Path.Join(current, part);
            string? target;
            try
            {
                FileSystemInfo info = new FileInfo(candidate);
                if (!info.Exists && !Directory.Exists(candidate) && info.LinkTarget is null)
                {
                    return null;
                }

                target = info.LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }

            if (target is null)
            {
                current = candidate;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target) ?? string.Empty;
                PushComponents(pending, target[current.Length..]);
            }
            else
            {
                PushComponents(pending, target);
            }
        }

        return current;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="directory"/> or lies below it; both must be physical paths.</summary>
    public static bool IsInside(string path, string directory)
    {
        var dir = Path.TrimEndingDirectorySeparator(directory);
        return string.Equals(path, dir, StringComparison.Ordinal) ||
            (path.Length > dir.Length && path.StartsWith(dir, StringComparison.Ordinal) &&
             (path[dir.Length] == Path.DirectorySeparatorChar || dir.EndsWith(Path.DirectorySeparatorChar)));
    }

    private static void PushComponents(Stack<string> pending, string relative)
    {
        var parts = relative.Split(
            [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar],
            StringSplitOptions.RemoveEmptyEntries);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            pending.Push(parts[i]);
        }
    }
}
