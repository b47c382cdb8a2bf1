using Shipshape.Core;

namespace Shipshape.Hcl.Syntax;

/// <summary>( inner ): kept because a parenthesised object key is an expression, not a literal name.</summary>
public sealed record ParenExpr(Expression Inner, SourceSpan Span) : Expression(Span);
