namespace Shipshape.Core.Model;

/// <summary>An Amazon VPC, for what comes with it: its default security group.</summary>
public sealed record Vpc : Resource
{
    /// <summary>
    /// Whether the format can take over the VPC's default security group and remove its rules (Terraform's
    /// aws_default_security_group). CloudFormation cannot: it only adds rules to the group (GetAtt DefaultSecurityGroup).
    /// </summary>
    public required bool DefaultSecurityGroupManageable { get; init; }
}
