using Shipshape.Core.Model;
using Shipshape.Rules;
using Shipshape.Rules.Containers;
using static Shipshape.Tests.Rules.ModelBuilder;

namespace Shipshape.Tests.Rules;

public sealed class ContainerRuleTests
{
    private const string P = "containerDefinitions[web]";

    [Fact]
    public void PrivilegedRule_PrivilegedTrue_ReportsValueLocation()
    {
        var task = Task(Container() with { Privileged = Explicit(true, 14, P + ".privileged") });
        var hit = Assert.Single(Run(new PrivilegedContainerRule(), task));
        Assert.Equal(14, hit.Location.StartLine);
        Assert.Equal(P + ".privileged", hit.PropertyPath);
        Assert.Equal("Container 'web' in task definition 'app' sets privileged to true.", hit.Message);
        Assert.Same(task, hit.Resource);
    }

    [Fact]
    public void PrivilegedRule_DefaultOrFalseOrUnresolved_NoHit()
    {
        Assert.Empty(Run(new PrivilegedContainerRule(), Task()));
        Assert.Empty(Run(new PrivilegedContainerRule(), Task(Container() with { Privileged = Explicit(false, 14, P + ".privileged") })));
        Assert.Empty(Run(new PrivilegedContainerRule(), Task(Container() with { Privileged = Unresolved(true, 14, P + ".privileged") })));
    }

    [Theory]
    [InlineData("root")]
    [InlineData("0")]
    [InlineData("0:0")]
    [InlineData("root:root")]
    [InlineData("0:1000")]
    public void RootUserRule_RootUser_Hit(string user)
    {
        var hit = Assert.Single(Run(new RootUserRule(), Task(Container() with { User = Explicit<string?>(user, 15, P + ".user") })));
        Assert.Equal(15, hit.Location.StartLine);
        Assert.Equal(P + ".user", hit.PropertyPath);
        Assert.Equal($"Container 'web' in task definition 'app' sets user to '{user}', which is root.", hit.Message);
    }

    [Fact]
    public void RootUserRule_UserAbsent_HitAtContainer()
    {
        var hit = Assert.Single(Run(new RootUserRule(), Task()));
        Assert.Equal(ContainerLine, hit.Location.StartLine);
        Assert.Equal(P + ".user", hit.PropertyPath);
        Assert.Contains("does not set user", hit.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1000")]
    [InlineData("1000:1000")]
    [InlineData("app")]
    [InlineData("rootless")]
    [InlineData("10:0")]
    public void RootUserRule_NonRootUser_NoHit(string user)
    {
        Assert.Empty(Run(new RootUserRule(), Task(Container() with { User = Explicit<string?>(user, 15, P + ".user") })));
    }

    [Theory]
    [InlineData("public.ecr.aws/datadog/agent:latest")]
    [InlineData("public.ecr.aws/aws-observability/aws-for-fluent-bit:stable")]
    public void RootUserRule_RecognisedAgentWithoutUser_NoHit(string image)
    {
        Assert.Empty(Run(new RootUserRule(), Task(Container("agent", image))));
    }

    [Fact]
    public void RootUserRule_UnresolvedUser_NoHit()
    {
        Assert.Empty(Run(new RootUserRule(), Task(Container() with { User = Unresolved<string?>(null, 15, P + ".user") })));
    }

    [Fact]
    public void WritableRootFilesystemRule_Absent_HitAtContainerWithFieldPath()
    {
        var hit = Assert.Single(Run(new WritableRootFilesystemRule(), Task()));
        Assert.Equal(ContainerLine, hit.Location.StartLine);
        Assert.Equal(P + ".readonlyRootFilesystem", hit.PropertyPath);
        Assert.Equal("Container 'web' in task definition 'app' does not set readonlyRootFilesystem to true, so its root filesystem is writable.", hit.Message);
    }

    [Fact]
    public void WritableRootFilesystemRule_ExplicitFalse_HitAtValue()
    {
        var hit = Assert.Single(Run(new WritableRootFilesystemRule(), Task(Container() with { ReadonlyRootFilesystem = Explicit(false, 16, P + ".readonlyRootFilesystem") })));
        Assert.Equal(16, hit.Location.StartLine);
        Assert.Contains("sets readonlyRootFilesystem to false", hit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WritableRootFilesystemRule_TrueOrUnresolved_NoHit()
    {
        Assert.Empty(Run(new WritableRootFilesystemRule(), Task(Container() with { ReadonlyRootFilesystem = Explicit(true, 16, P + ".readonlyRootFilesystem") })));
        Assert.Empty(Run(new WritableRootFilesystemRule(), Task(Container() with { ReadonlyRootFilesystem = Unresolved(false, 16, P + ".readonlyRootFilesystem") })));
    }

    [Fact]
    public void DangerousCapabilityRule_AddedCapabilities_OneHitPerNonDefault()
    {
        const string add = P + ".linuxParameters.capabilities.add";
        var container = Container() with
        {
            CapabilitiesAdded =
            [
                Explicit("NET_BIND_SERVICE", 20, add + "[0]"),
                Explicit("cap_sys_admin", 21, add + "[1]"),
                Explicit("NET_RAW", 22, add + "[2]"),
                Explicit("SYS_PTRACE", 23, add + "[3]"),
                Unresolved("", 24, add + "[4]"),
                Explicit("ALL", 25, add + "[5]"),
            ],
        };

        var hits = Run(new DangerousCapabilityRule(), Task(container));
        Assert.Equal([21, 23, 25], hits.Select(h => h.Location.StartLine));
        Assert.Equal(add + "[1]", hits[0].PropertyPath);
        Assert.Equal("Container 'web' in task definition 'app' adds the Linux capability SYS_ADMIN.", hits[0].Message);
        Assert.Equal("Container 'web' in task definition 'app' adds ALL Linux capabilities.", hits[2].Message);
    }

    [Fact]
    public void CapabilitiesNotDroppedRule_NoCapabilities_HitAtWhereTheyWouldGo()
    {
        var hit = Assert.Single(Run(new CapabilitiesNotDroppedRule(), Task()));
        Assert.Equal(P + ".linuxParameters.capabilities", hit.PropertyPath);
        Assert.Equal(ContainerLine, hit.Location.StartLine);
        Assert.Contains("does not drop any Linux capabilities", hit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CapabilitiesNotDroppedRule_DropWithoutAll_Hit()
    {
        var container = Container() with
        {
            CapabilitiesDeclared = Explicit(true, 19, P + ".linuxParameters.capabilities"),
            CapabilitiesDropped = [Explicit("NET_RAW", 20, P + ".linuxParameters.capabilities.drop[0]")],
        };
        var hit = Assert.Single(Run(new CapabilitiesNotDroppedRule(), Task(container)));
        Assert.Equal(19, hit.Location.StartLine);
        Assert.Contains("drops some Linux capabilities but not ALL", hit.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ALL", false)]
    [InlineData("all", false)]
    [InlineData("", true)]
    public void CapabilitiesNotDroppedRule_DropAllOrUnknown_NoHit(string drop, bool unresolved)
    {
        var value = unresolved ? Unresolved(drop, 20, "d[0]") : Explicit(drop, 20, "d[0]");
        var container = Container() with { CapabilitiesDeclared = Explicit(true, 19, "c"), CapabilitiesDropped = [value] };
        Assert.Empty(Run(new CapabilitiesNotDroppedRule(), Task(container)));
    }

    [Fact]
    public void UntrustedRegistryRule_DockerHubImage_HitNamingRegistry()
    {
        var hit = Assert.Single(Run(new UntrustedRegistryRule(), Task(Container(image: "nginx:1.27"))));
        Assert.Equal(ContainerLine + 2, hit.Location.StartLine);
        Assert.Equal(P + ".image", hit.PropertyPath);
        Assert.Equal("Container 'web' in task definition 'app' uses image 'nginx:1.27' from Docker Hub (docker.io), which is not a trusted registry.", hit.Message);
    }

    [Theory]
    [InlineData("111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2")]
    [InlineData("public.ecr.aws/nginx/nginx:1.27")]
    [InlineData("${REGISTRY}/web:1")]
    [InlineData("not a reference")]
    public void UntrustedRegistryRule_EcrOrUnknowableImage_NoHit(string image)
    {
        Assert.Empty(Run(new UntrustedRegistryRule(), Task(Container(image: image))));
    }

    [Fact]
    public void UntrustedRegistryRule_ConfiguredRegistry_NoHit()
    {
        var context = new RuleContext { TrustedRegistries = ["ghcr.io/acme"] };
        Assert.Empty(Run(new UntrustedRegistryRule(), Task(Container(image: "ghcr.io/acme/web:1")), context));
        var hit = Assert.Single(Run(new UntrustedRegistryRule(), Task(Container(image: "111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1")), context));
        Assert.Contains("registry '111122223333.dkr.ecr.us-east-1.amazonaws.com'", hit.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nginx", "without a tag")]
    [InlineData("public.ecr.aws/docker/library/httpd:latest", "the mutable tag 'latest'")]
    public void MutableImageTagRule_LatestOrNoTag_Hit(string image, string expected)
    {
        var hit = Assert.Single(Run(new MutableImageTagRule(), Task(Container(image: image))));
        Assert.Equal(P + ".image", hit.PropertyPath);
        Assert.Contains(expected, hit.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public.ecr.aws/docker/library/httpd:2.4")]
    [InlineData("public.ecr.aws/docker/library/httpd:latest@sha256:0d2a4c1a9e5b7f3c8d6e4a2b0c9f7e5d3b1a8c6e4f2d0b9a7c5e3f1d8b6a4c2e")]
    [InlineData("${REGISTRY}/web")]
    public void MutableImageTagRule_PinnedOrUnknowable_NoHit(string image)
    {
        Assert.Empty(Run(new MutableImageTagRule(), Task(Container(image: image))));
    }

    [Fact]
    public void ImageNotPinnedByDigestRule_TagOnly_HitAndDigestPasses()
    {
        var hit = Assert.Single(Run(new ImageNotPinnedByDigestRule(), Task(Container(image: "public.ecr.aws/nginx/nginx:1.27"))));
        Assert.Equal("Container 'web' in task definition 'app' uses image 'public.ecr.aws/nginx/nginx:1.27', which is not pinned by digest (@sha256:…).", hit.Message);
        Assert.Empty(Run(new ImageNotPinnedByDigestRule(), Task(Container(image: "public.ecr.aws/nginx/nginx@sha256:0d2a4c1a9e5b7f3c8d6e4a2b0c9f7e5d3b1a8c6e4f2d0b9a7c5e3f1d8b6a4c2e"))));
    }

    [Fact]
    public void NoMemoryLimitRule_NoContainerOrTaskMemory_Hit()
    {
        var hit = Assert.Single(Run(new NoMemoryLimitRule(), Task()));
        Assert.Equal(P + ".memory", hit.PropertyPath);
        Assert.Equal("Container 'web' in task definition 'app' has no hard memory limit (memory), and the task sets no memory either.", hit.Message);
    }

    [Fact]
    public void NoMemoryLimitRule_ReservationOnly_StillHit()
    {
        var task = Task(Container() with { MemoryReservationMiB = Explicit<int?>(256, 17, P + ".memoryReservation") });
        Assert.Single(Run(new NoMemoryLimitRule(), task));
    }

    [Fact]
    public void NoMemoryLimitRule_ContainerOrTaskMemoryOrUnresolved_NoHit()
    {
        Assert.Empty(Run(new NoMemoryLimitRule(), Task(Container() with { MemoryLimitMiB = Explicit<int?>(512, 17, P + ".memory") })));
        Assert.Empty(Run(new NoMemoryLimitRule(), Task() with { MemoryMiB = Explicit<int?>(1024, 5, "memory") }));
        Assert.Empty(Run(new NoMemoryLimitRule(), Task() with { MemoryMiB = Unresolved<int?>(null, 5, "memory") }));
    }
}
