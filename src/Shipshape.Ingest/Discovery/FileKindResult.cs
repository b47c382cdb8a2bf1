namespace Shipshape.Ingest.Discovery;

/// <summary>The file types <see cref="FileKind"/> tells apart.</summary>
public enum FileKindResult
{
    Unknown,
    Regular,
    Directory,
    Fifo,
    Socket,
    CharacterDevice,
    BlockDevice,
}
