using System.Text;
using Shipshape.Core.Model;
using Shipshape.Ingest.Ecs;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Ingest.Ecs;

/// <summary>Fixtures are the examples of the Amazon ECS developer guide and the AWS CLI reference.</summary>
public sealed class EcsTaskDefinitionReaderTests
{
    private static IReadOnlyList<TaskDefinition> ReadFixture(string name)
    {
        var path = $"Fixtures/ecs-shapes/{name}";
        var result = EcsTaskDefinitionReader.Read(path, File.ReadAllBytes(TestPaths.Fixture("ecs-shapes", name)));
        Assert.Empty(result.Diagnostics);
        return result.Resources.Cast<TaskDefinition>().ToList();
    }

    [Fact]
    public void Read_RegisterInputShape_MapsExplicitValuesWithLines()
    {
        var td = Assert.Single(ReadFixture("fargate-webserver.json"));

        Assert.Equal("fargate-task-definition", td.Address);
        Assert.Equal("AWS::ECS::TaskDefinition", td.Kind);
        Assert.Equal(("awsvpc", ValueOrigin.Explicit, 35), (td.NetworkMode.Current, td.NetworkMode.Origin, td.NetworkMode.Span.StartLine));
        Assert.Equal(512, td.MemoryMiB.Current);
        Assert.Equal(["FARGATE"], td.RequiresCompatibilities.ToArray());
        var c = Assert.Single(td.Containers);
        Assert.Equal("sample-fargate-app", c.Name.Current);
        Assert.Equal("containerDefinitions[sample-fargate-app]", c.Path);
        Assert.Equal(("public.ecr.aws/docker/library/httpd:2.4", 12), (c.Image.Current, c.Image.Span.StartLine));
        Assert.Equal(("awslogs", 14), (c.LogConfiguration!.Driver.Current, c.LogConfiguration.Driver.Span.StartLine));
        Assert.Equal("/ecs/fargate-task-definition", c.LogConfiguration.Option("awslogs-group"));
        var port = Assert.Single(c.PortMappings);
        Assert.Equal((80, 80, "tcp"), (port.ContainerPort.Current, port.HostPort.Current, port.Protocol.Current));
    }

    [Fact]
    public void Read_AbsentFields_DefaultedToEcsDocumentedDefaults()
    {
        var td = Assert.Single(ReadFixture("fargate-webserver.json"));
        var c = td.Containers[0];

        Assert.Equal((false, ValueOrigin.Defaulted), (c.Privileged.Current, c.Privileged.Origin));
        Assert.Equal((false, ValueOrigin.Defaulted), (c.ReadonlyRootFilesystem.Current, c.ReadonlyRootFilesystem.Origin));
        Assert.Equal((null, ValueOrigin.Defaulted), (c.User.Current, c.User.Origin));
        Assert.Equal("containerDefinitions[sample-fargate-app].user", c.User.Path);
        // A defaulted container field points at the container's name, the line a reader recognises.
        Assert.Equal(21, c.User.Span.StartLine);
        Assert.Equal((null, ValueOrigin.Defaulted), (td.TaskRoleArn.Current, td.TaskRoleArn.Origin));
        Assert.Equal(ContainerRole.Application, c.Role);
    }

    [Fact]
    public void Read_DescribeOutputShape_UnwrapsAndAddressesWithRevision()
    {
        var td = Assert.Single(ReadFixture("describe-output.json"));

        Assert.Equal("hello_world:8", td.Address);
        Assert.Equal(("bridge", ValueOrigin.Defaulted), (td.NetworkMode.Current, td.NetworkMode.Origin));
        Assert.Equal(["wordpress", "mysql"], td.Containers.Select(c => c.Name.Current));
        var env = Assert.Single(td.Containers[1].Environment);
        Assert.Equal(("MYSQL_ROOT_PASSWORD", "password", 35), (env.Name.Current, env.Val.Current, env.Val.Span.StartLine));
        Assert.Equal((500, 9), (td.Containers[0].MemoryLimitMiB.Current, td.Containers[0].MemoryLimitMiB.Span.StartLine));
    }

    [Fact]
    public void Read_YamlList_ReadsEveryTaskDefinition()
    {
        var tds = ReadFixture("list.yaml");

        Assert.Equal(["api", "worker"], tds.Select(t => t.Address));
        var api = tds[0].Containers[0];
        Assert.Equal((true, 9), (api.Privileged.Current, api.Privileged.Span.StartLine));
        Assert.Equal(["SYS_ADMIN"], api.CapabilitiesAdded.Select(v => v.Current));
        Assert.Equal("containerDefinitions[api].linuxParameters.capabilities.add[0]", api.CapabilitiesAdded[0].Path);
        Assert.Equal(["ALL"], api.CapabilitiesDropped.Select(v => v.Current));
        var efs = tds[0].Volumes.Single().Efs!;
        Assert.Equal((true, ValueOrigin.Explicit), (efs.TransitEncryption.Current, efs.TransitEncryption.Origin));
        Assert.Equal((false, ValueOrigin.Defaulted), (efs.IamAuthorization.Current, efs.IamAuthorization.Origin));
        Assert.Equal(("fs-1234", 17), (efs.FileSystemId.Current, efs.FileSystemId.Span.StartLine));
    }

    [Fact]
    public void Read_TaskMemoryWithUnit_ConvertedToMiB()
    {
        var result = EcsTaskDefinitionReader.Read("t.json", Encoding.UTF8.GetBytes("{\"family\":\"f\",\"memory\":\"2 GB\",\"containerDefinitions\":[]}"));

        Assert.Equal(2048, ((TaskDefinition)result.Resources[0]).MemoryMiB.Current);
    }

    [Fact]
    public void Read_FirelensAndDatadog_RecognisedAsLogRouterAndAgent()
    {
        const string json = """
            {"family": "app", "containerDefinitions": [
              {"name": "log_router", "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
               "firelensConfiguration": {"type": "fluentbit"}},
              {"name": "datadog-agent", "image": "public.ecr.aws/datadog/agent:latest"},
              {"name": "app", "image": "nginx", "logConfiguration": {"logDriver": "awsfirelens", "options": {"Name": "cloudwatch_logs"}}}
            ]}
            """;

        var td = (TaskDefinition)EcsTaskDefinitionReader.Read("t.json", Encoding.UTF8.GetBytes(json)).Resources.Single();

        Assert.Equal([ContainerRole.LogRouter, ContainerRole.MonitoringAgent, ContainerRole.Application], td.Containers.Select(c => c.Role));
        Assert.Equal("fluentbit", td.Containers[0].Firelens!.Type.Current);
    }

    [Fact]
    public void Read_NonScalarValue_IsUnresolvedNotDefaulted()
    {
        var result = EcsTaskDefinitionReader.Read("t.yaml", Encoding.UTF8.GetBytes("family: f\ncontainerDefinitions:\n  - name: a\n    privileged: !Ref Priv\n"));

        var c = ((TaskDefinition)result.Resources[0]).Containers[0];
        Assert.Equal(ValueOrigin.Unresolved, c.Privileged.Origin);
        Assert.Equal(4, c.Privileged.Span.StartLine);
    }

    [Fact]
    public void CanRead_CloudFormationTemplate_IsNotATaskDefinition()
    {
        var result = EcsTaskDefinitionReader.Read("t.json", Encoding.UTF8.GetBytes("{\"Resources\": {}, \"containerDefinitions\": []}"));

        Assert.Empty(result.Resources);
    }
}
