using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>An EC2 security group with its inline rules; standalone rules are separate SecurityGroupRule resources that link to it.</summary>
public sealed record SecurityGroup : Resource
{
    public ImmutableArray<SecurityGroupRule> Rules { get; init; } = [];
    public required Value<string?> Description { get; init; }
}
