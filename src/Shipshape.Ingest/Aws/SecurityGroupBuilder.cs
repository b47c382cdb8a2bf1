using System.Collections.Immutable;
using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that assembles an EC2 security group, for every format.</summary>
internal static class SecurityGroupBuilder
{
    public static SecurityGroup Build(ResourceIdentity id, Value<string?> description, IEnumerable<SecurityGroupRule> rules) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        Description = description,
        Rules = [.. rules],
    };

    /// <summary>
    /// A VPC's default security group taken over by the configuration: EC2 fixes its description ("default VPC security
    /// group") and the configuration's rules replace the default ones (Terraform aws_default_security_group removes all
    /// rules it does not declare).
    /// </summary>
    public static SecurityGroup Default(ResourceIdentity id, Value<string?> vpc, IEnumerable<SecurityGroupRule> rules) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        Description = Value<string?>.Defaulted("default VPC security group", id.Span, "description"),
        Rules = [.. rules],
        IsDefault = true,
        Vpc = vpc,
    };

    public static Vpc Vpc(ResourceIdentity id, bool defaultSecurityGroupManageable) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        DefaultSecurityGroupManageable = defaultSecurityGroupManageable,
    };
}
