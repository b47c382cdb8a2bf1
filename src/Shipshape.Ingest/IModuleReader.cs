using Shipshape.Ingest.Discovery;

namespace Shipshape.Ingest;

/// <summary>
/// Reads a format whose unit is a directory rather than a file (a Terraform module: every .tf file of a
/// directory, plus the local modules it calls). The scanner hands it all the files it claims at once.
/// </summary>
public interface IModuleReader
{
    /// <summary>The source-format name resources carry, for example "terraform".</summary>
    string Format { get; }

    /// <summary>Whether this reader takes the file as part of a module instead of it being read on its own.</summary>
    bool Claims(string relativePath, InputFormat format);

    ModuleReadResult Read(ModuleReadRequest request, CancellationToken cancellationToken);
}
