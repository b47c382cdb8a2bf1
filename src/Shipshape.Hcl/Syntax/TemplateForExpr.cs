using Shipshape.Core;

namespace Shipshape.Hcl.Syntax;

/// <summary>A %{ for k, v in coll } … %{ endfor } template directive.</summary>
public sealed record TemplateForExpr(string? KeyVariable, string ValueVariable, Expression Collection, TemplateExpr Body, SourceSpan Span) : Expression(Span);
