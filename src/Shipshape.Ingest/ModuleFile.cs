namespace Shipshape.Ingest;

/// <summary>A file a module reader read, by its path relative to the scan root.</summary>
public sealed record ModuleFile(string RelativePath, ReadOnlyMemory<byte> Content);
