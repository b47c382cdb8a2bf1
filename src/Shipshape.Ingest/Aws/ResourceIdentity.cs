using Shipshape.Core;

namespace Shipshape.Ingest.Aws;

/// <summary>What every AWS resource builder needs from the format besides the values: the address, type name, span and format.</summary>
internal sealed record ResourceIdentity(string Address, string Kind, SourceSpan Span, string SourceFormat);
