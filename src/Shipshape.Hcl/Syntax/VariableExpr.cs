using Shipshape.Core;

namespace Shipshape.Hcl.Syntax;

/// <summary>A bare name: the root of a traversal (var, local, aws_instance, …) or a for-expression variable.</summary>
public sealed record VariableExpr(string Name, SourceSpan Span) : Expression(Span);
