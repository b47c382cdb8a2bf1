namespace Shipshape.Core.Model;

/// <summary>A small text file of an image's final filesystem (path without a leading '/'), with its content.</summary>
public sealed record ImageTextFile(string Path, string Content, SourceSpan Span);
