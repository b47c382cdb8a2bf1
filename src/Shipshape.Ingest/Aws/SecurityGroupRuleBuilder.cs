using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>
/// The one place that assembles a security group rule, inline or standalone, for every format. No field has a
/// default: the EC2 API (IpPermission) requires the protocol, and ports absent for "-1" mean all ports.
/// </summary>
internal static class SecurityGroupRuleBuilder
{
    /// <param name="group">The group the rule belongs to: its address for inline rules, the reference for standalone ones.</param>
    /// <param name="path">The rule's own property path (inside the group for inline rules).</param>
    public static SecurityGroupRule Build(
        ResourceIdentity id,
        bool ingress,
        Value<string?> group,
        string path,
        Value<string?> protocol,
        Value<int?> fromPort,
        Value<int?> toPort,
        Value<string?> cidrIpv4,
        Value<string?> cidrIpv6,
        Value<string?> peer,
        Value<string?> description) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        Ingress = ingress,
        Protocol = protocol,
        FromPort = fromPort,
        ToPort = toPort,
        CidrIpv4 = cidrIpv4,
        CidrIpv6 = cidrIpv6,
        Peer = peer,
        Group = group,
        Description = description,
        Path = path,
    };
}
