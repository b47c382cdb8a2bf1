using Shipshape.Core;

namespace Shipshape.Iam.Analysis;

/// <summary>A problem in a policy document found by <see cref="PolicyValidator"/>: where, what kind, and a message.</summary>
public sealed record PolicyIssue(PolicyIssueKind Kind, SourceSpan Span, string Path, string Message);
