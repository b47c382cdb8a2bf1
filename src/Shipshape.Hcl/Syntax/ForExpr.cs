using Shipshape.Core;

namespace Shipshape.Hcl.Syntax;

/// <summary>
/// [for k, v in coll : value if cond] (KeyResult null) or {for k, v in coll : key => value... if cond}.
/// </summary>
public sealed record ForExpr(
    string? KeyVariable,
    string ValueVariable,
    Expression Collection,
    Expression? KeyResult,
    Expression ValueResult,
    Expression? Condition,
    bool Grouping,
    SourceSpan Span) : Expression(Span);
