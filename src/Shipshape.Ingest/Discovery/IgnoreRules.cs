using System.Collections.Immutable;

namespace Shipshape.Ingest.Discovery;

/// <summary>The patterns of one ignore file (or of the command line) and the directory, relative to the scan root, they apply under.</summary>
public sealed class IgnoreRules
{
    private IgnoreRules(string baseDirectory, ImmutableArray<IgnorePattern> patterns)
    {
        BaseDirectory = baseDirectory;
        Patterns = patterns;
    }

    /// <summary>'/'-separated path relative to the scan root without a trailing '/'; empty for the root itself.</summary>
    public string BaseDirectory { get; }

    /// <summary>The patterns in file order; the last matching one decides.</summary>
    public ImmutableArray<IgnorePattern> Patterns { get; }

    /// <summary>Parses the text of an ignore file found in <paramref name="baseDirectory"/>.</summary>
    public static IgnoreRules Parse(string text, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FromLines(text.Split('\n'), baseDirectory);
    }

    /// <summary>Builds rules from pattern lines, for example the user's extra patterns.</summary>
    public static IgnoreRules FromLines(IEnumerable<string> lines, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        var patterns = ImmutableArray.CreateBuilder<IgnorePattern>();
        foreach (var line in lines)
        {
            if (IgnorePattern.Parse(line) is { } pattern)
            {
                patterns.Add(pattern);
            }
        }

        return new IgnoreRules(baseDirectory.Trim('/'), patterns.ToImmutable());
    }

    /// <summary>
    /// The verdict of the last pattern matching a path relative to the scan root: true ignored, false re-included
    /// by a negation, null when no pattern matches or the path is outside <see cref="BaseDirectory"/>.
    /// </summary>
    public bool? Match(string relativePath, bool isDirectory)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var local = relativePath;
        if (BaseDirectory.Length > 0)
        {
            if (relativePath.Length <= BaseDirectory.Length + 1 ||
                !relativePath.StartsWith(BaseDirectory, StringComparison.Ordinal) ||
                relativePath[BaseDirectory.Length] != '/')
            {
                return null;
            }

            local = relativePath[(BaseDirectory.Length + 1)..];
        }

        for (var i = Patterns.Length - 1; i >= 0; i--)
        {
            if (Patterns[i].IsMatch(local, isDirectory))
            {
                return !Patterns[i].Negated;
            }
        }

        return null;
    }
}
