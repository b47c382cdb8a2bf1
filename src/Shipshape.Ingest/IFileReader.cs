using Shipshape.Ingest.Discovery;

namespace Shipshape.Ingest;

/// <summary>Reads a format that is not JSON or YAML (Dockerfile, HCL, …) from its bytes into the model.</summary>
public interface IFileReader
{
    /// <summary>The source-format name resources carry, for example "dockerfile".</summary>
    string Format { get; }

    bool CanRead(string path, InputFormat format);

    /// <param name="cancellationToken">Cancelled when the file's deadline passes; long work checks it and stops.</param>
    IngestResult Read(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);
}
