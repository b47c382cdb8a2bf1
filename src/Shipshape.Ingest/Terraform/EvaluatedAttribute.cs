using Shipshape.Core;
using Shipshape.Hcl.Evaluation;

namespace Shipshape.Ingest.Terraform;

/// <summary>An attribute of a resource after evaluation.</summary>
public sealed record EvaluatedAttribute(string Name, HclValue Value, SourceSpan Span);
