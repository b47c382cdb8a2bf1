using System.Collections.Immutable;

namespace Shipshape.Ingest.Terraform;

/// <summary>A nested block of a resource after evaluation (dynamic blocks are expanded into these).</summary>
public sealed record EvaluatedBlock(string Type, ImmutableArray<string> Labels, EvaluatedBody Body);
