using System.Text;
using Shipshape.Core.Model;
using Shipshape.Ingest.Compose;
using Shipshape.Ingest.Syntax;

namespace Shipshape.Tests.Ingest.Compose;

/// <summary>Compose files written from the Compose Specification (services, volumes, ports, security_opt).</summary>
public sealed class ComposeReaderTests
{
    private static List<ComposeService> Read(string yaml)
    {
        var parsed = StructuredParser.Parse("compose.yaml", Encoding.UTF8.GetBytes(yaml));
        var reader = new ComposeReader();
        return [.. parsed.Roots.Where(reader.CanRead).SelectMany(r => reader.Read("compose.yaml", r).Resources).Cast<ComposeService>()];
    }

    [Fact]
    public void Read_ServiceWithEverything_MapsTheSharedModel()
    {
        const string yaml = """
            version: "3.8"
            services:
              web:
                image: nginx:1.27
                user: "101"
                read_only: true
                privileged: false
                cap_add: [NET_ADMIN]
                cap_drop: [ALL]
                security_opt:
                  - no-new-privileges:true
                  - seccomp=unconfined
                environment:
                  MODE: prod
                  TOKEN:
                ports:
                  - "127.0.0.1:8080:80/tcp"
                  - target: 443
                    published: "8443"
                volumes:
                  - /var/run/docker.sock:/var/run/docker.sock:ro
                  - data:/data
                  - type: bind
                    source: ./conf
                    target: /etc/nginx
                network_mode: host
                pid: host
                mem_limit: 512m
                logging:
                  driver: awslogs
                  options:
                    awslogs-group: web
            """;

        var service = Assert.Single(Read(yaml));
        var c = Assert.Single(service.Containers);

        Assert.Equal(("web", "ComposeService", "services.web"), (service.Address, service.Kind, c.Path));
        Assert.Equal(("nginx:1.27", "101", true), (c.Image.Current, c.User.Current, c.ReadonlyRootFilesystem.Current));
        Assert.Equal(("NET_ADMIN", "ALL"), (c.CapabilitiesAdded[0].Current, c.CapabilitiesDropped[0].Current));
        Assert.Equal((false, "Unconfined", "RuntimeDefault"), (c.AllowPrivilegeEscalation!.Current, c.SeccompProfile!.Current, c.AppArmorProfile!.Current));
        Assert.Equal([("MODE", "prod", true), ("TOKEN", null, false)], c.Environment.Select(e => (e.Name.Current, e.Val.Current, e.Val.IsKnown)));
        Assert.Equal([(80, 8080), (443, 8443)], c.PortMappings.Select(p => (p.ContainerPort.Current, p.HostPort.Current)).Select(p => ((int)p.Item1!, (int)p.Item2!)));
        Assert.Equal(["/var/run/docker.sock", "./conf"], service.Volumes.Select(v => v.HostPath!.Current));
        Assert.Equal([true, false, false], c.MountPoints.Select(m => m.ReadOnly.Current));
        Assert.Equal((true, true, false), (service.HostNetwork.Current, service.HostPid.Current, service.HostIpc.Current));
        Assert.Equal((512, "awslogs"), (c.MemoryLimitMiB.Current, c.LogConfiguration!.Driver.Current));
    }

    [Fact]
    public void Read_EmptyService_DockerDefaults()
    {
        var service = Assert.Single(Read("services:\n  worker:\n    build: .\n    environment:\n      - DEBUG=1\n      - HOME\n"));
        var c = service.Containers[0];

        Assert.Equal((false, false, true), (c.Privileged.Current, c.ReadonlyRootFilesystem.Current, c.AllowPrivilegeEscalation!.Current));
        Assert.True(c.Privileged.IsDefaulted);
        Assert.Null(c.Image.Current);
        Assert.Null(c.MemoryLimitMiB.Current);
        Assert.False(service.HostNetwork.Current);
        Assert.Equal([("DEBUG", "1", true), ("HOME", null, false)], c.Environment.Select(e => (e.Name.Current, e.Val.Current, e.Val.IsKnown)));
        Assert.Equal(2, c.User.Span.StartLine);
    }

    [Fact]
    public void Read_DeployLimitsWinOverMemLimit()
    {
        var c = Read("services:\n  a:\n    image: a:1\n    mem_limit: 1g\n    deploy:\n      resources:\n        limits:\n          memory: 256M\n")[0].Containers[0];

        Assert.Equal((256, "services.a.deploy.resources.limits.memory"), (c.MemoryLimitMiB.Current, c.MemoryLimitMiB.Path));
    }

    [Fact]
    public void CanRead_KubernetesOrCloudFormation_False()
    {
        var reader = new ComposeReader();
        var parsed = StructuredParser.Parse("x.yaml", Encoding.UTF8.GetBytes("apiVersion: v1\nkind: List\nservices: {}\n---\nservices: [a, b]\n"));

        Assert.All(parsed.Roots, r => Assert.False(reader.CanRead(r)));
    }
}
