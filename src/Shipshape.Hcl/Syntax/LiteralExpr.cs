using Shipshape.Core;
using Shipshape.Hcl.Evaluation;

namespace Shipshape.Hcl.Syntax;

/// <summary>A number, boolean, null or literal string.</summary>
public sealed record LiteralExpr(HclValue Value, SourceSpan Span) : Expression(Span);
