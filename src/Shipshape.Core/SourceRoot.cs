namespace Shipshape.Core;

/// <summary>
/// Where reported paths are anchored. Reports show paths as the user gave them (relative to
/// <see cref="WorkingDirectory"/>); SARIF artifact URIs and fingerprints use paths relative to
/// <see cref="Directory"/>, the repository root (git top level, else the working directory, or what
/// <c>--source-root</c> says), so that they do not change with the directory a scan starts from.
/// Pure string work: nothing here touches the file system.
/// </summary>
/// <param name="Directory">The absolute repository root.</param>
/// <param name="WorkingDirectory">The absolute directory relative display paths are relative to.</param>
public sealed record SourceRoot(string Directory, string WorkingDirectory)
{
    /// <summary>
    /// A reported path relative to the repository root with '/' separators, or null when the path is not a file
    /// path (<c>&lt;stdin&gt;</c>, <c>&lt;engine&gt;</c>, empty) or lies outside the repository root. An archive
    /// member (<c>a.zip!x/y</c>) keeps its member part.
    /// </summary>
    public string? Relative(string? path)
    {
        if (!IsFilePath(path))
        {
            return null;
        }

        string full;
        try
        {
            full = Path.GetFullPath(path, WorkingDirectory);
        }
        catch (ArgumentException)
        {
            return null;
        }

        var relative = Path.GetRelativePath(Directory, full).Replace('\\', '/');
        return relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? null
            : relative;
    }

    /// <summary>Whether a reported path names a file (not <c>&lt;stdin&gt;</c>, <c>&lt;engine&gt;</c>, "-" or empty).</summary>
    public static bool IsFilePath([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? path) =>
        !string.IsNullOrEmpty(path) && path[0] != '<' && path != "-";

    /// <summary>The repository root as a file URI ending in '/', for SARIF's <c>originalUriBaseIds</c>.</summary>
    public string DirectoryUri
    {
        get
        {
            var uri = new Uri(Path.TrimEndingDirectorySeparator(Directory) + Path.DirectorySeparatorChar).AbsoluteUri;
            return uri.EndsWith('/') ? uri : uri + "/";
        }
    }
}
