using Shipshape.Core;

namespace Shipshape.Hcl.Syntax;

/// <summary>Index access: source[key], or the legacy source.0.</summary>
public sealed record IndexExpr(Expression Source, Expression Key, SourceSpan Span) : Expression(Span);
