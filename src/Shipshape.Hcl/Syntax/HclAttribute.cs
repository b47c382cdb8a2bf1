using Shipshape.Core;

namespace Shipshape.Hcl.Syntax;

/// <summary>name = expression in a body.</summary>
public sealed record HclAttribute(string Name, Expression Expression, SourceSpan NameSpan, SourceSpan Span);
