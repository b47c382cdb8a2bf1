using Shipshape.Core;

namespace Shipshape.Hcl.Syntax;

/// <summary>Attribute access: source.name.</summary>
public sealed record GetAttrExpr(Expression Source, string Name, SourceSpan Span) : Expression(Span);
