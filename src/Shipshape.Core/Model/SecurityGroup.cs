using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>An EC2 security group with its inline rules; standalone rules are separate SecurityGroupRule resources that link to it.</summary>
public sealed record SecurityGroup : Resource
{
    public ImmutableArray<SecurityGroupRule> Rules { get; init; } = [];
    public required Value<string?> Description { get; init; }

    /// <summary>Whether this is a VPC's default security group (Terraform aws_default_security_group).</summary>
    public bool IsDefault { get; init; }

    /// <summary>The VPC of a default security group (vpc_id; absent for the default VPC); null for other groups.</summary>
    public Value<string?>? Vpc { get; init; }
}
