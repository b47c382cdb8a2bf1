using Shipshape.Ingest.Syntax;

namespace Shipshape.Ingest;

/// <summary>Recognises one kind of structured document (JSON or YAML) by its content and maps it into the model.</summary>
public interface IDocumentReader
{
    /// <summary>The source-format name resources carry, for example "ecs-json".</summary>
    string Format { get; }

    bool CanRead(SyntaxNode root);

    /// <param name="cancellationToken">Cancelled when the file's deadline passes; long work checks it and stops.</param>
    IngestResult Read(string path, SyntaxNode root, CancellationToken cancellationToken = default);
}
