using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>One rule of a Kubernetes Role or ClusterRole.</summary>
public sealed record RbacRule(
    ImmutableArray<Value<string>> ApiGroups,
    ImmutableArray<Value<string>> Resources,
    ImmutableArray<Value<string>> Verbs,
    ImmutableArray<Value<string>> ResourceNames,
    SourceSpan Span,
    string Path);
