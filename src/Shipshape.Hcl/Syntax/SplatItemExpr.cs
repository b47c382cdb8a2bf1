using Shipshape.Core;

namespace Shipshape.Hcl.Syntax;

/// <summary>The current element inside a splat's per-element traversal.</summary>
public sealed record SplatItemExpr(SourceSpan Span) : Expression(Span);
