using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>One condition: operator (StringEquals, Bool, ForAnyValue:StringLike, …), key and values.</summary>
public sealed record PolicyCondition(string Operator, string Key, ImmutableArray<Value<string>> Values, SourceSpan Span);
