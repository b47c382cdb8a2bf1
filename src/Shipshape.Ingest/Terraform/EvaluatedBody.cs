using System.Collections.Immutable;
using Shipshape.Core;

namespace Shipshape.Ingest.Terraform;

/// <summary>The evaluated attributes and blocks of a resource instance.</summary>
public sealed record EvaluatedBody(ImmutableArray<EvaluatedAttribute> Attributes, ImmutableArray<EvaluatedBlock> Blocks, SourceSpan Span)
{
    public EvaluatedAttribute? Attribute(string name) => Attributes.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));
}
