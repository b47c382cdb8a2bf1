using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>
/// An ingress (or egress) rule with the resource a finding belongs to: the security group for inline rules, the rule itself
/// for standalone ones (AWS::EC2::SecurityGroupIngress, aws_security_group_rule, aws_vpc_security_group_ingress_rule).
/// </summary>
internal sealed record IngressRule(Resource Owner, SecurityGroupRule Rule, string Description)
{
    /// <summary>Inline and standalone ingress rules of every security group in the scan.</summary>
    public static IEnumerable<IngressRule> All(ModelSet model) => All(model, ingress: true);

    /// <summary>Inline and standalone rules of one direction (ingress or egress) of every security group in the scan.</summary>
    public static IEnumerable<IngressRule> All(ModelSet model, bool ingress)
    {
        var direction = ingress ? "ingress" : "egress";
        foreach (var group in model.OfType<SecurityGroup>())
        {
            foreach (var rule in group.Rules.Where(r => r.Ingress == ingress))
            {
                yield return new IngressRule(group, rule, $"Security group '{group.Address}'");
            }
        }

        foreach (var rule in model.OfType<SecurityGroupRule>().Where(r => r.Ingress == ingress))
        {
            var group = rule.Group.Reference ?? (rule.Group.IsKnown ? rule.Group.Current : null);
            yield return new IngressRule(rule, rule, group is null
                ? $"Security group {direction} '{rule.Address}'"
                : $"Security group {direction} '{rule.Address}' (group '{group}')");
        }
    }

    /// <summary>The group's address an ingress rule belongs to: the owner for inline rules, the linked group for standalone ones.</summary>
    public string? GroupAddress => Owner is SecurityGroup group ? group.Address : Rule.Group.Reference;

    /// <summary>Inline rules of the group and standalone rules that link to it.</summary>
    public static IEnumerable<IngressRule> Of(ModelSet model, SecurityGroup group) =>
        All(model).Where(r => ReferenceEquals(r.Owner, group)
            || (r.Owner is SecurityGroupRule && ModelLinks.Links(r.Rule.Group.Reference, r.Owner, group)));

    /// <summary>The CIDR value that opens the rule to every address (0.0.0.0/0 or ::/0), or null; unresolved CIDRs never count.</summary>
    public Value<string?>? OpenToWorld =>
        Rule.CidrIpv4 is { IsKnown: true } v4 && Cidr.IsAnywhere(v4.Current) ? v4
        : Rule.CidrIpv6 is { IsKnown: true } v6 && Cidr.IsAnywhere(v6.Current) ? v6
        : null;

    /// <summary>The protocol in lower case when known ("-1" for all), or null when unresolved.</summary>
    public string? KnownProtocol => Rule.Protocol is { IsKnown: true, Current: { } protocol } ? protocol.Trim().ToLowerInvariant() : null;

    /// <summary>Whether the rule allows every protocol, or every port of TCP/UDP; null when that cannot be known.</summary>
    public bool? AllTraffic => KnownProtocol switch
    {
        null => null,
        "-1" or "all" => true,
        "icmp" or "icmpv6" or "1" or "58" => false,
        _ when !Rule.FromPort.IsKnown || !Rule.ToPort.IsKnown => null,
        _ => Rule.FromPort.Current is 0 or -1 && Rule.ToPort.Current is 65535 or -1,
    };

    /// <summary>The port range for TCP/UDP-like protocols, or null for all traffic, ICMP and unknown values.</summary>
    public (int From, int To)? Ports => KnownProtocol switch
    {
        null or "-1" or "all" or "icmp" or "icmpv6" or "1" or "58" => null,
        _ when Rule.FromPort is { IsKnown: true, Current: { } from } && Rule.ToPort is { IsKnown: true, Current: { } to } && from >= 0 && to >= from => (from, to),
        _ => null,
    };

    /// <summary>Whether the rule admits traffic to the port; null when that cannot be known.</summary>
    public bool? Covers(int port) => AllTraffic switch
    {
        null => null,
        true => true,
        false => Ports is { } range ? range.From <= port && port <= range.To : KnownProtocol is "icmp" or "icmpv6" or "1" or "58" ? false : null,
    };

    /// <summary>"22", "8000-8080".</summary>
    public static string Describe((int From, int To) range) =>
        range.From == range.To
            ? range.From.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{range.From}-{range.To}");
}
