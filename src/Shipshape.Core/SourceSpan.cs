namespace Shipshape.Core;

/// <summary>A place in a scanned file: path relative to the scan root with '/' separators, 1-based lines and columns; 0 means unknown.</summary>
public sealed record SourceSpan(string Path, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    /// <summary>A span that names only the file: the line is unknown and must not be invented.</summary>
    public static SourceSpan FileOnly(string path) => new(path, 0, 0, 0, 0);

    /// <summary>Whether the line is known.</summary>
    public bool HasLine => StartLine > 0;

    public override string ToString() => HasLine ? $"{Path}:{StartLine}" : Path;
}
