using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>A standalone IAM policy (managed or inline-by-attachment) and the principals it is attached to.</summary>
public sealed record IamPolicy : Resource
{
    public required bool Managed { get; init; }
    public PolicyDocument? Document { get; init; }
    public ImmutableArray<Value<string>> Roles { get; init; } = [];
    public ImmutableArray<Value<string>> Users { get; init; } = [];
    public ImmutableArray<Value<string>> Groups { get; init; } = [];
    /// <summary>For an attachment resource (aws_iam_*_policy_attachment): the ARN of the managed policy it attaches.</summary>
    public Value<string?>? PolicyArn { get; init; }
}
