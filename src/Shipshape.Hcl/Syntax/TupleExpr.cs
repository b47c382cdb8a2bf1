using System.Collections.Immutable;
using Shipshape.Core;

namespace Shipshape.Hcl.Syntax;

/// <summary>[a, b, c].</summary>
public sealed record TupleExpr(ImmutableArray<Expression> Items, SourceSpan Span) : Expression(Span);
