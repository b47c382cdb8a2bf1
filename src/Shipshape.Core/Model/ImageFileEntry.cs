namespace Shipshape.Core.Model;

/// <summary>
/// One entry of an image's final filesystem: its path without a leading '/', the layer (1-based) that put it there, its
/// tar type flag ('0' file, '2' symbolic link, '5' directory, …) and permission bits; the span names "image!layer N/path".
/// </summary>
public sealed record ImageFileEntry(string Path, int Layer, char Type, long Mode, SourceSpan Span)
{
    public bool IsDirectory => Type == '5';

    public bool IsFile => Type is '0' or '\0' or '7';
}
