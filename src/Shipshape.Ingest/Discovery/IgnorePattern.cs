namespace Shipshape.Ingest.Discovery;

/// <summary>One pattern line of a .gitignore-style file, parsed as gitignore(5) describes.</summary>
/// <param name="Glob">The wildmatch pattern after removing '!', a leading '/' and the trailing '/'.</param>
/// <param name="Negated">Whether the line starts with '!' and re-includes what it matches.</param>
/// <param name="DirectoryOnly">Whether the line ends with '/' and matches directories only.</param>
/// <param name="Anchored">Whether the line has a '/' before its end, so it matches paths relative to its base directory rather than names at any depth.</param>
public sealed record IgnorePattern(string Glob, bool Negated, bool DirectoryOnly, bool Anchored)
{
    /// <summary>Parses a line; blank lines, comments and patterns that can match nothing give null.</summary>
    public static IgnorePattern? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.AsSpan().TrimEnd('\r');
        if (text.IsEmpty || text[0] == '#')
        {
            return null;
        }

        // Trailing spaces are dropped unless escaped with a backslash.
        while (text.Length > 0 && text[^1] == ' ' && !(text.Length >= 2 && text[^2] == '\\'))
        {
            text = text[..^1];
        }

        var negated = false;
        if (text.Length > 0 && text[0] == '!')
        {
            negated = true;
            text = text[1..];
        }

        var directoryOnly = false;
        if (text.Length > 0 && text[^1] == '/')
        {
            directoryOnly = true;
            text = text[..^1];
        }

        var anchored = text.Contains('/');
        if (text.Length > 0 && text[0] == '/')
        {
            text = text[1..];
        }

        return text.IsEmpty ? null : new IgnorePattern(text.ToString(), negated, directoryOnly, anchored);
    }

    /// <summary>Whether the pattern matches a path given relative to the directory the pattern applies to, with '/' separators.</summary>
    public bool IsMatch(string relativePath, bool isDirectory)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        if (DirectoryOnly && !isDirectory)
        {
            return false;
        }

        if (Anchored)
        {
            return WildMatch.IsMatch(Glob, relativePath);
        }

        var slash = relativePath.LastIndexOf('/');
        return WildMatch.IsMatch(Glob, slash < 0 ? relativePath : relativePath[(slash + 1)..]);
    }
}
