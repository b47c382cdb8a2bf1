using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>
/// SHP-NET-034: a VPC's default security group allows traffic: the configuration adds rules to it, or (where the format
/// can take the group over, as Terraform's aws_default_security_group does) leaves it with EC2's default rules, which
/// allow all inbound traffic from the group's members and all outbound traffic.
/// </summary>
public sealed class DefaultSecurityGroupOpenRule : IRule
{
    public string Id => "SHP-NET-034";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        var groups = model.OfType<SecurityGroup>().Where(g => g.IsDefault).ToList();
        var standalone = model.OfType<SecurityGroupRule>().ToList();
        foreach (var vpc in model.OfType<Vpc>())
        {
            var defaults = groups.Where(g => ModelLinks.Links(g.Vpc?.Reference, g, vpc)).ToList();
            // CloudFormation adds rules to the default group through GetAtt VPC.DefaultSecurityGroup.
            var rules = standalone.Where(r => ModelLinks.Links(r.Group.Reference, r, vpc) && r.Group.ReferenceAttribute == "DefaultSecurityGroup")
                .Concat(defaults.SelectMany(g => g.Rules))
                .Concat(standalone.Where(r => defaults.Any(g => ModelLinks.Links(r.Group.Reference, r, g))))
                .ToList();
            if (rules.Count > 0)
            {
                var rule = rules[0];
                yield return RuleText.Hit(vpc, rule.Group,
                    $"The default security group of VPC '{vpc.Address}' has {Count(rules.Count)} ({Describe(rule)}); the default group should allow no traffic.");
            }
            else if (defaults.Count == 0 && vpc.DefaultSecurityGroupManageable)
            {
                yield return RuleText.Hit(vpc, Value<string?>.Defaulted(null, vpc.Span, "aws_default_security_group"),
                    $"VPC '{vpc.Address}' has no aws_default_security_group, so its default security group keeps EC2's default rules: all inbound traffic from its members and all outbound traffic.");
            }
        }
    }

    private static string Count(int count) => count == 1 ? "a rule" : $"{count} rules";

    private static string Describe(SecurityGroupRule rule)
    {
        var direction = rule.Ingress ? "ingress" : "egress";
        var ports = rule.AllTraffic ? "all traffic" : $"ports {rule.FromPort.Current}-{rule.ToPort.Current}";
        var peer = rule.CidrIpv4.Current ?? rule.CidrIpv6.Current ?? rule.Peer.Current ?? "its members";
        return $"{direction}, {ports}, {(rule.Ingress ? "from" : "to")} {peer}";
    }
}
