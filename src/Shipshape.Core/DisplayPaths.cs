namespace Shipshape.Core;

/// <summary>
/// Paths as reports show them: the scanned path as the user gave it, joined with the file's path under it, so
/// <c>scan infra/ other/</c> reports <c>infra/app.tf</c> and <c>other/app.tf</c> (as grep and eslint do), and
/// <c>scan .</c> reports <c>app.tf</c>. Always relative to the current directory (a path given as absolute too), so a
/// report does not carry the machine's directory layout. String work only: nothing here touches the file system.
/// </summary>
public static class DisplayPaths
{
    /// <summary>
    /// The prefix a scanned path gives its files: the path relative to <paramref name="workingDirectory"/> (the
    /// current directory by default) with '/' separators, so <c>./infra/</c> gives <c>infra</c>, an absolute path
    /// under the current directory gives its relative form and one elsewhere gives <c>../…</c>; the empty string
    /// for the current directory itself. On Windows, a path on another drive stays absolute.
    /// </summary>
    public static string Prefix(string? given, string? workingDirectory = null)
    {
        if (string.IsNullOrEmpty(given))
        {
            return string.Empty;
        }

        var cwd = workingDirectory ?? Directory.GetCurrentDirectory();
        string relative;
        try
        {
            relative = Path.GetRelativePath(cwd, Path.GetFullPath(given, cwd));
        }
        catch (ArgumentException)
        {
            return given.Replace('\\', '/');
        }

        relative = relative.Replace('\\', '/');
        if (relative.Length > 1)
        {
            relative = relative.TrimEnd('/');
        }

        return relative is "." ? string.Empty : relative;
    }

    /// <summary>The prefix of a scanned path that names a file: the prefix of its directory.</summary>
    public static string FilePrefix(string given, string? workingDirectory = null)
    {
        var cwd = workingDirectory ?? Directory.GetCurrentDirectory();
        string? directory;
        try
        {
            directory = Path.GetDirectoryName(Path.GetFullPath(given, cwd));
        }
        catch (ArgumentException)
        {
            directory = null;
        }

        return directory is null ? string.Empty : Prefix(directory, cwd);
    }

    /// <summary>Joins a prefix and a '/'-separated relative path; "." and "" on either side add nothing.</summary>
    public static string Join(string prefix, string relative)
    {
        if (prefix.Length == 0)
        {
            return relative.Length == 0 ? "." : relative;
        }

        if (relative.Length == 0 || relative == ".")
        {
            return prefix;
        }

        return prefix.EndsWith('/') ? prefix + relative : prefix + "/" + relative;
    }
}
