using Shipshape.Core.Model;
using Shipshape.Rules.Iam;
using Shipshape.Rules.Logging;
using Shipshape.Rules.Network;
using static Shipshape.Tests.Rules.ModelBuilder;

namespace Shipshape.Tests.Rules;

public sealed class WorkloadRuleTests
{
    private const string P = "containerDefinitions[web]";

    [Fact]
    public void HostNetworkRule_HostMode_HitAtNetworkMode()
    {
        var hit = Assert.Single(Run(new HostNetworkRule(), Task() with { NetworkMode = Explicit("host", 3, "networkMode") }));
        Assert.Equal(3, hit.Location.StartLine);
        Assert.Equal("networkMode", hit.PropertyPath);
        Assert.Equal("Task definition 'app' uses the host network mode, so its containers share the host's network namespace.", hit.Message);
    }

    [Fact]
    public void HostNetworkRule_BridgeAwsvpcOrUnresolved_NoHit()
    {
        Assert.Empty(Run(new HostNetworkRule(), Task()));
        Assert.Empty(Run(new HostNetworkRule(), Task() with { NetworkMode = Explicit("awsvpc", 3, "networkMode") }));
        Assert.Empty(Run(new HostNetworkRule(), Task() with { NetworkMode = Unresolved("host", 3, "networkMode") }));
    }

    [Fact]
    public void NetworkModeNotAwsvpcRule_DefaultBridge_HitSayingDefault()
    {
        var hit = Assert.Single(Run(new NetworkModeNotAwsvpcRule(), Task()));
        Assert.Equal(TaskLine, hit.Location.StartLine);
        Assert.Equal("networkMode", hit.PropertyPath);
        Assert.Equal("Task definition 'app' does not set networkMode, so it uses the bridge network mode instead of awsvpc.", hit.Message);
    }

    [Theory]
    [InlineData("bridge", true)]
    [InlineData("default", true)]
    [InlineData("awsvpc", false)]
    [InlineData("AWSVPC", false)]
    [InlineData("host", false)]
    [InlineData("none", false)]
    public void NetworkModeNotAwsvpcRule_ExplicitMode_HitsOnlyBridgeLikeModes(string mode, bool expected)
    {
        var hits = Run(new NetworkModeNotAwsvpcRule(), Task() with { NetworkMode = Explicit(mode, 3, "networkMode") });
        Assert.Equal(expected ? 1 : 0, hits.Length);
    }

    [Fact]
    public void HostPidRule_PidModeHost_Hit()
    {
        var hit = Assert.Single(Run(new HostPidRule(), Task() with { PidMode = Explicit<string?>("host", 4, "pidMode") }));
        Assert.Equal("pidMode", hit.PropertyPath);
        Assert.Equal("Task definition 'app' shares the host's process ID namespace (pidMode).", hit.Message);
        Assert.Empty(Run(new HostPidRule(), Task() with { PidMode = Explicit<string?>("task", 4, "pidMode") }));
        Assert.Empty(Run(new HostPidRule(), Task()));
    }

    [Fact]
    public void HostIpcRule_IpcModeHost_Hit()
    {
        var hit = Assert.Single(Run(new HostIpcRule(), Task() with { IpcMode = Explicit<string?>("host", 5, "ipcMode") }));
        Assert.Equal(5, hit.Location.StartLine);
        Assert.Equal("Task definition 'app' shares the host's IPC namespace (ipcMode).", hit.Message);
        Assert.Empty(Run(new HostIpcRule(), Task() with { IpcMode = Explicit<string?>("none", 5, "ipcMode") }));
    }

    [Fact]
    public void SshPortExposedRule_ContainerOrHostPort22_HitPerMapping()
    {
        PortMapping Port(int index, int? container, int? host, int line) => new(
            Explicit(container, line, $"{P}.portMappings[{index}].containerPort"),
            host is null ? Value<int?>.Defaulted(null, Line(line), $"{P}.portMappings[{index}].hostPort") : Explicit(host, line + 1, $"{P}.portMappings[{index}].hostPort"),
            Value<string>.Defaulted("tcp", Line(line), $"{P}.portMappings[{index}].protocol"),
            Line(line),
            $"{P}.portMappings[{index}]");

        var container = Container() with { PortMappings = [Port(0, 80, null, 20), Port(1, 22, null, 22), Port(2, 8022, 22, 24)] };
        var hits = Run(new SshPortExposedRule(), Task(container));
        Assert.Equal([$"{P}.portMappings[1].containerPort", $"{P}.portMappings[2].hostPort"], hits.Select(h => h.PropertyPath));
        Assert.Equal([22, 25], hits.Select(h => h.Location.StartLine));
        Assert.Equal("Container 'web' in task definition 'app' exposes container port 22 (SSH).", hits[0].Message);
        Assert.Equal("Container 'web' in task definition 'app' publishes host port 22 (SSH).", hits[1].Message);
    }

    [Fact]
    public void EfsRules_DefaultConfiguration_HitBothAtEfsObject()
    {
        var task = Task() with { Volumes = [new Volume { Name = Explicit("data", 30, "volumes[data].name"), Efs = Efs("data"), Span = Line(29), Path = "volumes[data]" }] };
        var transit = Assert.Single(Run(new EfsTransitEncryptionRule(), task));
        Assert.Equal("volumes[data].efsVolumeConfiguration.transitEncryption", transit.PropertyPath);
        Assert.Equal(30, transit.Location.StartLine);
        Assert.Equal("EFS volume 'data' in task definition 'app' does not enable transit encryption (the default is DISABLED).", transit.Message);
        var iam = Assert.Single(Run(new EfsIamAuthorizationRule(), task));
        Assert.Equal("volumes[data].efsVolumeConfiguration.authorizationConfig.iam", iam.PropertyPath);
    }

    [Fact]
    public void EfsRules_Enabled_NoHit()
    {
        var efs = Efs("data",
            Explicit(true, 33, "volumes[data].efsVolumeConfiguration.transitEncryption"),
            Explicit(true, 35, "volumes[data].efsVolumeConfiguration.authorizationConfig.iam"));
        var task = Task() with { Volumes = [new Volume { Name = Explicit("data", 30, "volumes[data].name"), Efs = efs, Span = Line(29), Path = "volumes[data]" }] };
        Assert.Empty(Run(new EfsTransitEncryptionRule(), task));
        Assert.Empty(Run(new EfsIamAuthorizationRule(), task));
    }

    [Fact]
    public void EfsTransitEncryptionRule_ExplicitDisabled_HitAtValue()
    {
        var efs = Efs("data", Explicit(false, 33, "volumes[data].efsVolumeConfiguration.transitEncryption"));
        var task = Task() with { Volumes = [new Volume { Name = Explicit("data", 30, "volumes[data].name"), Efs = efs, Span = Line(29), Path = "volumes[data]" }] };
        var hit = Assert.Single(Run(new EfsTransitEncryptionRule(), task));
        Assert.Equal(33, hit.Location.StartLine);
        Assert.Contains("disables transit encryption", hit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingLogConfigurationRule_NoLogConfiguration_HitWithFieldPath()
    {
        var hit = Assert.Single(Run(new MissingLogConfigurationRule(), Task()));
        Assert.Equal(P + ".logConfiguration", hit.PropertyPath);
        Assert.Equal(ContainerLine, hit.Location.StartLine);
        Assert.Equal("Container 'web' in task definition 'app' has no logConfiguration, so its logs are not collected centrally.", hit.Message);
    }

    [Theory]
    [InlineData("awslogs", null, null)]
    [InlineData("awsfirelens", "cloudwatch_logs", null)]
    [InlineData("awsfirelens", "cloudwatch", null)]
    [InlineData("awsfirelens", null, null)]
    [InlineData("splunk", null, "uses the 'splunk' log driver")]
    [InlineData("json-file", null, "uses the 'json-file' log driver")]
    [InlineData("awsfirelens", "datadog", "through FireLens to the 'datadog' output")]
    public void LogsNotToCloudWatchRule_Driver_HitsOnlyNonCloudWatch(string driver, string? output, string? expected)
    {
        const string path = P + ".logConfiguration";
        var options = output is null ? [] : new[] { new KeyValue(Explicit("Name", 42, path + ".options.Name"), Explicit<string?>(output, 42, path + ".options.Name")) };
        var log = new LogConfiguration(Explicit<string?>(driver, 41, path + ".logDriver"), [.. options], Line(40), path);
        var task = Task(Container() with { LogConfiguration = log });
        Assert.Empty(Run(new MissingLogConfigurationRule(), task));
        var hits = Run(new LogsNotToCloudWatchRule(), task);
        if (expected is null)
        {
            Assert.Empty(hits);
            return;
        }

        var hit = Assert.Single(hits);
        Assert.Contains(expected, hit.Message, StringComparison.Ordinal);
        Assert.Equal(output is null ? path + ".logDriver" : path + ".options.Name", hit.PropertyPath);
        Assert.Equal(output is null ? 41 : 42, hit.Location.StartLine);
    }

    [Fact]
    public void MissingTaskRoleRule_NoTaskRole_Hit()
    {
        var hit = Assert.Single(Run(new MissingTaskRoleRule(), Task()));
        Assert.Equal("taskRoleArn", hit.PropertyPath);
        Assert.Equal("Task definition 'app' has no task role (taskRoleArn), so its containers get no AWS identity of their own.", hit.Message);
        Assert.Empty(Run(new MissingTaskRoleRule(), Task() with { TaskRoleArn = Explicit<string?>("arn:aws:iam::111122223333:role/app-task", 6, "taskRoleArn") }));
        Assert.Empty(Run(new MissingTaskRoleRule(), Task() with { TaskRoleArn = Unresolved<string?>(null, 6, "taskRoleArn") }));
    }

    [Fact]
    public void TaskRoleIsExecutionRoleRule_SameArn_HitAtTaskRole()
    {
        const string arn = "arn:aws:iam::111122223333:role/app";
        var task = Task() with { TaskRoleArn = Explicit<string?>(arn, 6, "taskRoleArn"), ExecutionRoleArn = Explicit<string?>(arn, 7, "executionRoleArn") };
        var hit = Assert.Single(Run(new TaskRoleIsExecutionRoleRule(), task));
        Assert.Equal(6, hit.Location.StartLine);
        Assert.Equal($"Task definition 'app' uses the same role as task role and execution role ('{arn}').", hit.Message);
    }

    [Fact]
    public void TaskRoleIsExecutionRoleRule_DifferentOrUnknown_NoHit()
    {
        var task = Task() with
        {
            TaskRoleArn = Explicit<string?>("arn:aws:iam::111122223333:role/app-task", 6, "taskRoleArn"),
            ExecutionRoleArn = Explicit<string?>("arn:aws:iam::111122223333:role/ecsTaskExecutionRole", 7, "executionRoleArn"),
        };
        Assert.Empty(Run(new TaskRoleIsExecutionRoleRule(), task));
        Assert.Empty(Run(new TaskRoleIsExecutionRoleRule(), task with { ExecutionRoleArn = Unresolved<string?>("arn:aws:iam::111122223333:role/app-task", 7, "executionRoleArn") }));
        Assert.Empty(Run(new TaskRoleIsExecutionRoleRule(), Task()));
    }
}
