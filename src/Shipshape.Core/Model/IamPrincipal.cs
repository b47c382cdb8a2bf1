using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>An IAM user, group or instance profile, with its inline policies and managed policy attachments.</summary>
public sealed record IamPrincipal : Resource
{
    /// <summary>User, Group or InstanceProfile.</summary>
    public required string PrincipalType { get; init; }
    public ImmutableArray<PolicyDocument> InlinePolicies { get; init; } = [];
    public ImmutableArray<Value<string>> ManagedPolicies { get; init; } = [];
    /// <summary>For instance profiles: the roles in the profile.</summary>
    public ImmutableArray<Value<string>> Roles { get; init; } = [];

    /// <summary>Whether the user has a console password declared with it (CloudFormation LoginProfile); absent otherwise.</summary>
    public Value<bool>? ConsolePassword { get; init; }
}
