namespace Shipshape.Core.Model;

/// <summary>A scanned file as a resource, for findings about its content (secrets, card numbers): the address is its path.</summary>
public sealed record SourceFile : Resource
{
    public static SourceFile At(string path) => new()
    {
        Address = path,
        Kind = "file",
        Span = SourceSpan.FileOnly(path),
        SourceFormat = "text",
    };
}
