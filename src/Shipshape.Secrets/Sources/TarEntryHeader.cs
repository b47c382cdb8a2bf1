namespace Shipshape.Secrets.Sources;

/// <summary>
/// One tar member's header as <see cref="TarStreamReader"/> gives it: the name (long names and PAX paths applied), the
/// type flag ('0' or NUL a file, '1' a hard link, '2' a symbolic link, '5' a directory, …), the permission bits, the data
/// size, the link target, and where the data starts.
/// </summary>
public readonly record struct TarEntryHeader(string Name, char Type, long Mode, long Size, string LinkName, long DataAt)
{
    /// <summary>A regular file ('0', NUL, or '7' contiguous).</summary>
    public bool IsFile => Type is '0' or '\0' or '7';

    public bool IsDirectory => Type == '5';

    public bool IsSymbolicLink => Type == '2';

    public bool IsHardLink => Type == '1';
}
