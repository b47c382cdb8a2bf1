using System.Text;
using Shipshape.Ingest.Discovery;

namespace Shipshape.Ingest.Dockerfile;

/// <summary>Reads Dockerfiles and Containerfiles into one resource per build stage.</summary>
public sealed class DockerfileReader : IFileReader
{
    public const string FormatName = "dockerfile";

    public string Format => FormatName;

    public bool CanRead(string path, InputFormat format) => format == InputFormat.Dockerfile;

    public IngestResult Read(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var text = Encoding.UTF8.GetString(content.Span);
        return DockerfileAdapter.Adapt(path, DockerfileParser.Parse(path, text), Format);
    }
}
