using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>One statement of an IAM policy document, with values as written (single values become one-element lists).</summary>
public sealed record PolicyStatement
{
    public required Value<string?> Sid { get; init; }
    public required Value<string> Effect { get; init; }
    public ImmutableArray<Value<string>> Actions { get; init; } = [];
    public ImmutableArray<Value<string>> NotActions { get; init; } = [];
    public ImmutableArray<Value<string>> Resources { get; init; } = [];
    public ImmutableArray<Value<string>> NotResources { get; init; } = [];
    /// <summary>Principals as "Type:value" ("AWS:*", "Service:ecs-tasks.amazonaws.com"); "*" alone for Principal "*".</summary>
    public ImmutableArray<Value<string>> Principals { get; init; } = [];
    public ImmutableArray<Value<string>> NotPrincipals { get; init; } = [];
    public ImmutableArray<PolicyCondition> Conditions { get; init; } = [];
    public required SourceSpan Span { get; init; }
    public required string Path { get; init; }
}
