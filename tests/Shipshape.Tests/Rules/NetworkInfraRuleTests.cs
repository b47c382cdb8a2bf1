using Shipshape.Core.Model;
using Shipshape.Rules;
using Shipshape.Rules.Network;
using static Shipshape.Tests.Rules.InfraBuilder;

namespace Shipshape.Tests.Rules;

public sealed class NetworkInfraRuleTests
{
    private static TaskDefinition TaskWithPorts(params int?[] ports)
    {
        var container = ModelBuilder.Container() with
        {
            PortMappings = [.. ports.Select((p, i) => new PortMapping(
                ModelBuilder.Explicit(p, 20 + i, $"containerDefinitions[web].portMappings[{i}].containerPort"),
                Value<int?>.Defaulted(null, ModelBuilder.Line(20 + i), $"containerDefinitions[web].portMappings[{i}].hostPort"),
                Value<string>.Defaulted("tcp", ModelBuilder.Line(20 + i), $"containerDefinitions[web].portMappings[{i}].protocol"),
                ModelBuilder.Line(20 + i),
                $"containerDefinitions[web].portMappings[{i}]"))],
        };
        return ModelBuilder.Task(container) with { Address = "TaskDef" };
    }

    [Fact]
    public void ServicePortsBeyondContainersRule_GroupOpensUnmappedPort_HitAtFromPort()
    {
        var group = Group("ServiceSg", Ingress("tcp", 8080, 8080, "10.0.0.0/16", group: "ServiceSg"), Ingress("tcp", 22, 22, "10.0.0.0/16", line: 20, index: 1, group: "ServiceSg"));
        var hit = Assert.Single(Run(new ServicePortsBeyondContainersRule(), Service("WebService", "TaskDef", "ServiceSg"), group, TaskWithPorts(8080)));
        Assert.Equal("Security group 'ServiceSg' of ECS service 'WebService' allows TCP port 22, but the containers of task definition 'app' map only 8080.", hit.Message);
        Assert.Equal("Properties.SecurityGroupIngress[1].FromPort", hit.PropertyPath);
        Assert.Equal(21, hit.Location.StartLine);
        Assert.Equal("ServiceSg", hit.Resource.Address);
    }

    [Fact]
    public void ServicePortsBeyondContainersRule_AllTrafficFromStandaloneRule_Hit()
    {
        var hit = Assert.Single(Run(new ServicePortsBeyondContainersRule(),
            Service("WebService", "TaskDef", "ServiceSg"), Group("ServiceSg"), StandaloneIngress("FromAlb", "ServiceSg", "-1", null, null, "10.0.0.0/16"), TaskWithPorts(80, 443)));
        Assert.Equal("Security group ingress 'FromAlb' (group 'ServiceSg') of ECS service 'WebService' allows all traffic, but the containers of task definition 'app' map only 80, 443.", hit.Message);
        Assert.Equal("Properties.IpProtocol", hit.PropertyPath);
    }

    [Fact]
    public void ServicePortsBeyondContainersRule_MatchingPortsOrUnknownLinks_NoHit()
    {
        var group = Group("ServiceSg", Ingress("tcp", 8080, 8080, "0.0.0.0/0", group: "ServiceSg"));
        Assert.Empty(Run(new ServicePortsBeyondContainersRule(), Service("WebService", "TaskDef", "ServiceSg"), group, TaskWithPorts(8080)));
        // The task definition or the security group is not in the scan (an import, a parameter): nothing to compare.
        Assert.Empty(Run(new ServicePortsBeyondContainersRule(), Service("WebService", "OtherTask", "ServiceSg"), group, TaskWithPorts(80)));
        Assert.Empty(Run(new ServicePortsBeyondContainersRule(), Service("WebService", "TaskDef", "OtherSg"), group, TaskWithPorts(80)));
        // An unresolved container port could be the one the rule opens.
        var unresolved = TaskWithPorts(80);
        var container = unresolved.Containers[0];
        var mapping = container.PortMappings[0] with { ContainerPort = Value<int?>.Unresolved(null, ModelBuilder.Line(20), "containerDefinitions[web].portMappings[0].containerPort") };
        Assert.Empty(Run(new ServicePortsBeyondContainersRule(), Service("WebService", "TaskDef", "ServiceSg"), group,
            unresolved with { Containers = [container with { PortMappings = [mapping] }] }));
    }

    [Fact]
    public void PublicIpAssignedRule_EnabledOnServiceAndTaskSet_HitEach()
    {
        var path = "Properties.NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp";
        var service = Service() with { AssignPublicIp = Explicit(true, 12, path) };
        var taskSet = Service("Blue") with { IsTaskSet = true, Kind = "AWS::ECS::TaskSet", AssignPublicIp = Explicit(true, 14, path) };
        var hits = Run(new PublicIpAssignedRule(), service, taskSet);
        Assert.Equal(["ECS service 'WebService' assigns public IP addresses to its tasks (assignPublicIp ENABLED).",
            "ECS task set 'Blue' assigns public IP addresses to its tasks (assignPublicIp ENABLED)."], hits.Select(h => h.Message));
        Assert.Equal(12, hits[0].Location.StartLine);
        Assert.Equal(path, hits[0].PropertyPath);
    }

    [Fact]
    public void PublicIpAssignedRule_DefaultDisabledOrUnresolved_NoHit()
    {
        Assert.Empty(Run(new PublicIpAssignedRule(), Service()));
        Assert.Empty(Run(new PublicIpAssignedRule(), Service() with { AssignPublicIp = Unresolved(true, 12, "Properties.NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp") }));
    }

    [Fact]
    public void PlainHttpListenerRule_HttpForward_HitAtProtocol()
    {
        var hit = Assert.Single(Run(new PlainHttpListenerRule(), Listener("HTTP", address: "HttpListener")));
        Assert.Equal("Listener 'HttpListener' serves plain HTTP on port 80 without redirecting to HTTPS.", hit.Message);
        Assert.Equal("Properties.Protocol", hit.PropertyPath);
        Assert.Equal(6, hit.Location.StartLine);
    }

    [Fact]
    public void PlainHttpListenerRule_RedirectHttpsOrUnresolved_NoHit()
    {
        Assert.Empty(Run(new PlainHttpListenerRule(), Listener("HTTP", redirects: true)));
        Assert.Empty(Run(new PlainHttpListenerRule(), Listener("HTTPS")));
        Assert.Empty(Run(new PlainHttpListenerRule(), Listener("TCP")));
        Assert.Empty(Run(new PlainHttpListenerRule(), Listener("HTTP") with { RedirectsToHttps = Unresolved(false, 9, "Properties.DefaultActions") }));
        Assert.Empty(Run(new PlainHttpListenerRule(), Listener("HTTP") with { Protocol = Unresolved<string?>("HTTP", 6, "Properties.Protocol") }));
    }

    [Fact]
    public void WeakTlsPolicyRule_AbsentPolicy_HitNamingApiDefault()
    {
        var hit = Assert.Single(Run(new WeakTlsPolicyRule(), Listener("HTTPS")));
        Assert.Equal("Listener 'HttpsListener' does not set SslPolicy, so it gets ELBSecurityPolicy-2016-08, which allows TLS 1.0 to 1.2.", hit.Message);
        Assert.Equal("Properties.SslPolicy", hit.PropertyPath);
        Assert.Equal(ResourceLine, hit.Location.StartLine);
    }

    [Theory]
    [InlineData("HTTPS", "ELBSecurityPolicy-2016-08", "TLS 1.0 to 1.2")]
    [InlineData("HTTPS", "ELBSecurityPolicy-TLS-1-1-2017-01", "TLS 1.1 to 1.2")]
    [InlineData("TLS", "ELBSecurityPolicy-FS-2018-06", "TLS 1.0 to 1.2")]
    [InlineData("HTTPS", "ELBSecurityPolicy-TLS13-1-0-2021-06", "TLS 1.0 to 1.3")]
    [InlineData("HTTPS", "ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04", "TLS 1.1 to 1.3")]
    [InlineData("HTTPS", "ELBSecurityPolicy-TLS13-1-0-PQ-2025-09", "TLS 1.0 to 1.3")]
    public void WeakTlsPolicyRule_PolicyBelowTls12_HitNamingVersions(string protocol, string policy, string versions)
    {
        var hit = Assert.Single(Run(new WeakTlsPolicyRule(), Listener(protocol, policy)));
        Assert.Equal($"Listener 'HttpsListener' uses {policy}, which allows {versions}.", hit.Message);
        Assert.Equal(8, hit.Location.StartLine);
    }

    [Theory]
    [InlineData("HTTPS", "ELBSecurityPolicy-TLS13-1-2-2021-06")]
    [InlineData("HTTPS", "ELBSecurityPolicy-TLS-1-2-Ext-2018-06")]
    [InlineData("HTTPS", "ELBSecurityPolicy-FS-1-2-Res-2020-10")]
    [InlineData("TLS", "ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09")]
    [InlineData("HTTPS", "my-custom-policy")]
    [InlineData("HTTP", "ELBSecurityPolicy-2016-08")]
    [InlineData("TCP", null)]
    public void WeakTlsPolicyRule_Tls12OrBetterUnknownOrNotTls_NoHit(string protocol, string? policy)
    {
        Assert.Empty(Run(new WeakTlsPolicyRule(), Listener(protocol, policy)));
    }

    [Fact]
    public void WeakTlsPolicyRule_UnresolvedPolicy_NoHit()
    {
        Assert.Empty(Run(new WeakTlsPolicyRule(), Listener("HTTPS") with { SslPolicy = Unresolved<string?>(null, 8, "Properties.SslPolicy") }));
    }

    [Theory]
    [InlineData("ELBSecurityPolicy-TLS-1-2-2017-01", true)]
    [InlineData("ELBSecurityPolicy-FS-1-2-Res-2019-08", true)]
    [InlineData("ELBSecurityPolicy-TLS13-1-2-Res-2021-06", false)]
    [InlineData("ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04", false)]
    [InlineData("ELBSecurityPolicy-2016-08", false)]
    public void NoTls13PolicyRule_Tls12OnlyPolicies_HitOnlyThose(string policy, bool expected)
    {
        var hits = Run(new NoTls13PolicyRule(), Listener("HTTPS", policy));
        Assert.Equal(expected ? [$"Listener 'HttpsListener' uses {policy}, which does not offer TLS 1.3."] : Array.Empty<string>(), hits.Select(h => h.Message));
    }

    [Fact]
    public void TlsPolicies_Table_EveryPolicyMatchesItsNamingScheme()
    {
        Assert.Equal(47, TlsPolicies.All.Count());
        Assert.All(TlsPolicies.All.Where(p => p.Name.StartsWith("ELBSecurityPolicy-TLS13-", StringComparison.Ordinal)), p => Assert.True(p.OffersTls13, p.Name));
        Assert.All(TlsPolicies.All.Where(p => !p.Name.Contains("TLS13", StringComparison.Ordinal)), p => Assert.False(p.OffersTls13, p.Name));
        Assert.Equal(TlsVersion.Tls12, TlsPolicies.Find("ELBSecurityPolicy-TLS13-1-2-RFC9151-2099-01")!.Min);
        Assert.Null(TlsPolicies.Find("ELBSample-OpenSSLDefaultCipherPolicy"));
    }

    [Fact]
    public void EksPublicEndpointRule_DefaultEndpoint_HitSayingDefault()
    {
        var hit = Assert.Single(Run(new EksPublicEndpointRule(), EksCluster()));
        Assert.Equal("EKS cluster 'Eks' keeps the default public API endpoint, open to 0.0.0.0/0.", hit.Message);
        Assert.Equal("Properties.ResourcesVpcConfig.EndpointPublicAccess", hit.PropertyPath);
    }

    [Fact]
    public void EksPublicEndpointRule_OpenCidr_HitAtCidr()
    {
        var cluster = EksCluster() with
        {
            EndpointPublicAccess = Explicit(true, 8, "Properties.ResourcesVpcConfig.EndpointPublicAccess"),
            PublicAccessCidrsDeclared = Explicit(true, 9, "Properties.ResourcesVpcConfig.PublicAccessCidrs"),
            PublicAccessCidrs = Values(10, "Properties.ResourcesVpcConfig.PublicAccessCidrs", "203.0.113.0/24", "0.0.0.0/0"),
        };
        var hit = Assert.Single(Run(new EksPublicEndpointRule(), cluster));
        Assert.Equal("EKS cluster 'Eks' has a public API endpoint open to 0.0.0.0/0.", hit.Message);
        Assert.Equal(11, hit.Location.StartLine);
    }

    [Fact]
    public void EksPublicEndpointRule_PrivateRestrictedOrUnresolved_NoHit()
    {
        Assert.Empty(Run(new EksPublicEndpointRule(), EksCluster() with { EndpointPublicAccess = Explicit(false, 8, "Properties.ResourcesVpcConfig.EndpointPublicAccess") }));
        Assert.Empty(Run(new EksPublicEndpointRule(), EksCluster() with
        {
            PublicAccessCidrsDeclared = Explicit(true, 9, "Properties.ResourcesVpcConfig.PublicAccessCidrs"),
            PublicAccessCidrs = Values(10, "Properties.ResourcesVpcConfig.PublicAccessCidrs", "203.0.113.0/24"),
        }));
        Assert.Empty(Run(new EksPublicEndpointRule(), EksCluster() with { EndpointPublicAccess = Unresolved(true, 8, "Properties.ResourcesVpcConfig.EndpointPublicAccess") }));
        Assert.Empty(Run(new EksPublicEndpointRule(), EksCluster() with { PublicAccessCidrsDeclared = Unresolved(true, 9, "Properties.ResourcesVpcConfig.PublicAccessCidrs") }));
    }

    [Fact]
    public void EksNodeGroupSshOpenRule_KeyWithoutSourceGroups_HitAtKey()
    {
        var hit = Assert.Single(Run(new EksNodeGroupSshOpenRule(), NodeGroup("ops-key")));
        Assert.Equal("EKS node group 'Nodes' allows SSH with key 'ops-key' without source security groups, so port 22 is open to 0.0.0.0/0.", hit.Message);
        Assert.Equal("Properties.RemoteAccess.Ec2SshKey", hit.PropertyPath);
        Assert.Equal(6, hit.Location.StartLine);
    }

    [Fact]
    public void EksNodeGroupSshOpenRule_SourceGroupsNoKeyOrUnresolvedKey_NoHit()
    {
        Assert.Empty(Run(new EksNodeGroupSshOpenRule(), NodeGroup("ops-key", "sg-0123")));
        Assert.Empty(Run(new EksNodeGroupSshOpenRule(), NodeGroup(null)));
        Assert.Empty(Run(new EksNodeGroupSshOpenRule(), NodeGroup("ops-key") with { SshKey = Unresolved<string?>(null, 6, "Properties.RemoteAccess.Ec2SshKey") }));
    }
}
