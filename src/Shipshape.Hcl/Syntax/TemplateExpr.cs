using System.Collections.Immutable;
using Shipshape.Core;

namespace Shipshape.Hcl.Syntax;

/// <summary>
/// A quoted string or heredoc: literal parts (<see cref="LiteralExpr"/>), interpolations (any expression) and
/// directives. A template that is exactly one interpolation ("${x}") yields x's value unconverted (IsWrap).
/// </summary>
public sealed record TemplateExpr(ImmutableArray<Expression> Parts, bool IsWrap, bool IsHeredoc, SourceSpan Span) : Expression(Span)
{
    /// <summary>Where the template's text starts (the first character after the quote or the heredoc's first line).</summary>
    public SourceSpan? TextStart { get; init; }
}
