using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>An IAM policy document: identity, resource, trust or key policy.</summary>
public sealed record PolicyDocument(Value<string?> Version, ImmutableArray<PolicyStatement> Statements, SourceSpan Span, string Path);
