using Shipshape.Core;

namespace Shipshape.Hcl.Syntax;

/// <summary>source[*].rest or source.*.rest: Each is evaluated per element with <see cref="SplatItemExpr"/> as the element.</summary>
public sealed record SplatExpr(Expression Source, Expression Each, SourceSpan Span) : Expression(Span);
