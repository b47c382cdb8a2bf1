using System.Collections.Immutable;

namespace Shipshape.Iam.Tools;

/// <summary>A statement being written by the policy tools: actions, resources and conditions (operator → key → values).</summary>
public sealed record PolicyStatementDraft(
    string Sid,
    ImmutableArray<string> Actions,
    ImmutableArray<string> Resources,
    ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, ImmutableArray<string>>> Conditions);
