namespace Shipshape.Core.Model;

/// <summary>One ingress or egress rule of a security group, inline or standalone (AWS::EC2::SecurityGroupIngress, aws_security_group_rule).</summary>
public sealed record SecurityGroupRule : Resource
{
    public required bool Ingress { get; init; }
    /// <summary>tcp, udp, icmp, icmpv6, a protocol number, or "-1" for all.</summary>
    public required Value<string?> Protocol { get; init; }
    public required Value<int?> FromPort { get; init; }
    public required Value<int?> ToPort { get; init; }
    public required Value<string?> CidrIpv4 { get; init; }
    public required Value<string?> CidrIpv6 { get; init; }
    /// <summary>The source (or destination) security group or prefix list, when the rule names one instead of a CIDR.</summary>
    public required Value<string?> Peer { get; init; }
    /// <summary>The security group the rule belongs to: its address, or a reference for standalone rules.</summary>
    public required Value<string?> Group { get; init; }
    public required Value<string?> Description { get; init; }
    /// <summary>The rule's own property path (for inline rules, inside the group).</summary>
    public required string Path { get; init; }

    /// <summary>Whether the rule covers every protocol and port.</summary>
    public bool AllTraffic => Protocol.Current is "-1" or "all" || (FromPort.Current is 0 or -1 && ToPort.Current is 65535 or -1 && Protocol.Current is not ("icmp" or "icmpv6" or "1" or "58"));

    /// <summary>Whether the rule covers the port: all traffic, or tcp/udp within the range.</summary>
    public bool CoversPort(int port) =>
        AllTraffic || (FromPort.Current is { } from && ToPort.Current is { } to && from <= port && port <= to);
}
