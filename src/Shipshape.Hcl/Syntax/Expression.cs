using Shipshape.Core;

namespace Shipshape.Hcl.Syntax;

/// <summary>An HCL native-syntax expression with its source span.</summary>
public abstract record Expression(SourceSpan Span);
