using System.Collections.Immutable;
using Shipshape.Core;

namespace Shipshape.Hcl.Syntax;

/// <summary>name(args…), with ExpandFinal when the last argument is followed by "..." (expanded into arguments).</summary>
public sealed record FunctionCallExpr(string Name, ImmutableArray<Expression> Arguments, bool ExpandFinal, SourceSpan Span) : Expression(Span);
