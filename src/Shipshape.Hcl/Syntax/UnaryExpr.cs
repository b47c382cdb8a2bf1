using Shipshape.Core;

namespace Shipshape.Hcl.Syntax;

/// <summary>!operand or -operand.</summary>
public sealed record UnaryExpr(string Operator, Expression Operand, SourceSpan Span) : Expression(Span);
