using Shipshape.Core;

namespace Shipshape.Hcl.Syntax;

/// <summary>condition ? trueResult : falseResult.</summary>
public sealed record ConditionalExpr(Expression Condition, Expression TrueResult, Expression FalseResult, SourceSpan Span) : Expression(Span);
