using System.Collections.Immutable;

namespace Shipshape.Ingest;

/// <summary>What a module reader produced, and the files it read (their bytes feed inline suppressions).</summary>
public sealed record ModuleReadResult(ImmutableArray<ModuleFile> Files, IngestResult Result);
