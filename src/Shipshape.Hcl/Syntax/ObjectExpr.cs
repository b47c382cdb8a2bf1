using System.Collections.Immutable;
using Shipshape.Core;

namespace Shipshape.Hcl.Syntax;

/// <summary>{ key = value, … }.</summary>
public sealed record ObjectExpr(ImmutableArray<ObjectItem> Items, SourceSpan Span) : Expression(Span);
