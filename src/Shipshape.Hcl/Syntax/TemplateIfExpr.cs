using Shipshape.Core;

namespace Shipshape.Hcl.Syntax;

/// <summary>A %{ if } … %{ else } … %{ endif } template directive.</summary>
public sealed record TemplateIfExpr(Expression Condition, TemplateExpr Then, TemplateExpr? Else, SourceSpan Span) : Expression(Span);
