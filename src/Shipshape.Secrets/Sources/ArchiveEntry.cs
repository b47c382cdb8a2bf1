namespace Shipshape.Secrets.Sources;

/// <summary>A text file inside an archive: its virtual path ("bundle.zip!config/app.env") and content.</summary>
public sealed record ArchiveEntry(string Path, byte[] Content);
