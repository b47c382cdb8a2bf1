using Shipshape.Rules;
using Shipshape.Rules.Network;
using static Shipshape.Tests.Rules.InfraBuilder;

namespace Shipshape.Tests.Rules;

public sealed class SecurityGroupRuleTests
{
    [Fact]
    public void AdminPortOpenToWorldRule_Ssh22FromAnywhere_HitAtCidr()
    {
        var hit = Assert.Single(Run(new AdminPortOpenToWorldRule(), Group("WebSg", Ingress("tcp", 22, 22, "0.0.0.0/0"))));
        Assert.Equal("Security group 'WebSg' allows SSH (22) from 0.0.0.0/0.", hit.Message);
        Assert.Equal(13, hit.Location.StartLine);
        Assert.Equal("Properties.SecurityGroupIngress[0].CidrIp", hit.PropertyPath);
        Assert.Equal("WebSg", hit.Resource.Address);
    }

    [Fact]
    public void AdminPortOpenToWorldRule_RangeCoveringBothPortsFromIpv6_TwoHits()
    {
        var hits = Run(new AdminPortOpenToWorldRule(), Group("WebSg", Ingress("tcp", 0, 5000, null, cidrIpv6: "::/0")));
        Assert.Equal(["Security group 'WebSg' allows SSH (22) from ::/0.", "Security group 'WebSg' allows RDP (3389) from ::/0."], hits.Select(h => h.Message));
        Assert.Equal(["22", "3389"], hits.Select(h => h.FingerprintKey));
    }

    [Fact]
    public void AdminPortOpenToWorldRule_AllTrafficFromAnywhere_HitsBothPorts()
    {
        Assert.Equal(2, Run(new AdminPortOpenToWorldRule(), Group("WebSg", Ingress("-1", null, null, "0.0.0.0/0"))).Count);
    }

    [Fact]
    public void AdminPortOpenToWorldRule_StandaloneIngress_HitNamesRuleAndGroup()
    {
        var hit = Assert.Single(Run(new AdminPortOpenToWorldRule(), Group("WebSg"), StandaloneIngress("RdpIn", "WebSg", "tcp", 3389, 3389, "0.0.0.0/0")));
        Assert.Equal("Security group ingress 'RdpIn' (group 'WebSg') allows RDP (3389) from 0.0.0.0/0.", hit.Message);
        Assert.Equal("RdpIn", hit.Resource.Address);
        Assert.Equal("Properties.CidrIp", hit.PropertyPath);
    }

    [Theory]
    [InlineData("tcp", 22, 22, "10.0.0.0/8")]
    [InlineData("tcp", 443, 443, "0.0.0.0/0")]
    [InlineData("tcp", 23, 3388, "0.0.0.0/0")]
    [InlineData("icmp", -1, -1, "0.0.0.0/0")]
    [InlineData("tcp", 22, 22, "0.0.0.0/8")]
    public void AdminPortOpenToWorldRule_NarrowSourceOrOtherPorts_NoHit(string protocol, int from, int to, string cidr)
    {
        Assert.Empty(Run(new AdminPortOpenToWorldRule(), Group("WebSg", Ingress(protocol, from, to, cidr))));
    }

    [Fact]
    public void AdminPortOpenToWorldRule_UnresolvedCidrOrPort_NoHit()
    {
        var rule = Ingress("tcp", 22, 22, "0.0.0.0/0");
        Assert.Empty(Run(new AdminPortOpenToWorldRule(), Group("WebSg", rule with { CidrIpv4 = Unresolved<string?>("0.0.0.0/0", 13, "Properties.SecurityGroupIngress[0].CidrIp") })));
        Assert.Empty(Run(new AdminPortOpenToWorldRule(), Group("WebSg", rule with { FromPort = Unresolved<int?>(22, 11, "Properties.SecurityGroupIngress[0].FromPort") })));
        Assert.Empty(Run(new AdminPortOpenToWorldRule(), Group("WebSg", rule with { Protocol = Unresolved<string?>("tcp", 10, "Properties.SecurityGroupIngress[0].IpProtocol") })));
    }

    [Fact]
    public void AdminPortOpenToWorldRule_EgressRule_NoHit()
    {
        Assert.Empty(Run(new AdminPortOpenToWorldRule(), Group("WebSg", Ingress("tcp", 22, 22, "0.0.0.0/0") with { Ingress = false })));
    }

    [Fact]
    public void AllTrafficOpenToWorldRule_ProtocolMinusOne_Hit()
    {
        var hit = Assert.Single(Run(new AllTrafficOpenToWorldRule(), Group("AppSg", Ingress("-1", null, null, "0.0.0.0/0", group: "AppSg"))));
        Assert.Equal("Security group 'AppSg' allows all traffic from 0.0.0.0/0.", hit.Message);
        Assert.Equal("Properties.SecurityGroupIngress[0].CidrIp", hit.PropertyPath);
    }

    [Fact]
    public void AllTrafficOpenToWorldRule_EveryTcpPort_HitNamesProtocol()
    {
        var hit = Assert.Single(Run(new AllTrafficOpenToWorldRule(), Group("AppSg", Ingress("tcp", 0, 65535, "0.0.0.0/0", group: "AppSg"))));
        Assert.Equal("Security group 'AppSg' allows every TCP port from 0.0.0.0/0.", hit.Message);
    }

    [Fact]
    public void AllTrafficOpenToWorldRule_NarrowOrSingleOrIcmp_NoHit()
    {
        Assert.Empty(Run(new AllTrafficOpenToWorldRule(), Group("AppSg", Ingress("-1", null, null, "10.0.0.0/16"))));
        Assert.Empty(Run(new AllTrafficOpenToWorldRule(), Group("AppSg", Ingress("tcp", 443, 443, "0.0.0.0/0"))));
        Assert.Empty(Run(new AllTrafficOpenToWorldRule(), Group("AppSg", Ingress("icmp", -1, -1, "0.0.0.0/0"))));
    }

    [Fact]
    public void PortOpenToWorldRule_DatabasePort_Hit()
    {
        var hit = Assert.Single(Run(new PortOpenToWorldRule(), Group("DbSg", Ingress("tcp", 5432, 5432, "0.0.0.0/0", group: "DbSg"))));
        Assert.Equal("Security group 'DbSg' allows TCP port 5432 (PostgreSQL/Aurora PostgreSQL) from 0.0.0.0/0.", hit.Message);
        Assert.Equal(13, hit.Location.StartLine);
    }

    [Fact]
    public void PortOpenToWorldRule_Range_HitNamesRange()
    {
        var hit = Assert.Single(Run(new PortOpenToWorldRule(), Group("WebSg", Ingress("udp", 8000, 8080, "0.0.0.0/0"))));
        Assert.Equal("Security group 'WebSg' allows UDP ports 8000-8080 from 0.0.0.0/0.", hit.Message);
    }

    [Fact]
    public void PortOpenToWorldRule_WebPortsAdminPortsAllTrafficOrNarrow_NoHit()
    {
        Assert.Empty(Run(new PortOpenToWorldRule(), Group("WebSg",
            Ingress("tcp", 80, 80, "0.0.0.0/0"),
            Ingress("tcp", 443, 443, "0.0.0.0/0", index: 1),
            Ingress("tcp", 22, 22, "0.0.0.0/0", index: 2),
            Ingress("tcp", 0, 65535, "0.0.0.0/0", index: 3),
            Ingress("-1", null, null, "0.0.0.0/0", index: 4),
            Ingress("tcp", 5432, 5432, "10.0.0.0/16", index: 5))));
    }
}
