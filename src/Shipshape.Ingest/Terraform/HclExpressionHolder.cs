using Shipshape.Hcl.Syntax;

namespace Shipshape.Ingest.Terraform;

/// <summary>A local's expression, held until the local is first used.</summary>
internal sealed record HclExpressionHolder(Expression Expression);
