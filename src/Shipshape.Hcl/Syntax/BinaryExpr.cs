using Shipshape.Core;

namespace Shipshape.Hcl.Syntax;

/// <summary>left op right, with op one of || &amp;&amp; == != &lt; &lt;= &gt; &gt;= + - * / %.</summary>
public sealed record BinaryExpr(string Operator, Expression Left, Expression Right, SourceSpan Span) : Expression(Span);
