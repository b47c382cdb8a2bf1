using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>An Amazon ECS task definition, from a task-definition JSON or YAML file, CloudFormation or Terraform.</summary>
public sealed record TaskDefinition : Workload
{
    public override Platform Platform => Platform.Ecs;
    public required Value<string?> Family { get; init; }
    /// <summary>awsvpc, bridge, host or none; ECS defaults to bridge on Linux when absent.</summary>
    public required Value<string> NetworkMode { get; init; }
    /// <summary>host or task; absent means each container has its own namespace.</summary>
    public required Value<string?> PidMode { get; init; }
    /// <summary>host, task or none; absent means the Docker daemon's default (private).</summary>
    public required Value<string?> IpcMode { get; init; }
    public required Value<string?> TaskRoleArn { get; init; }
    public required Value<string?> ExecutionRoleArn { get; init; }
    public ImmutableArray<string> RequiresCompatibilities { get; init; } = [];
    /// <summary>Task-level memory in MiB (required on Fargate); a container without its own limit is bounded by it.</summary>
    public required Value<int?> MemoryMiB { get; init; }
    /// <summary>Task-level CPU ("256", "1 vCPU"; required on Fargate): a hard limit for all containers together; defaulted null when absent.</summary>
    public required Value<string?> Cpu { get; init; }
    /// <summary>Whether the task can only run on Fargate (requiresCompatibilities names FARGATE and not EC2 or EXTERNAL).</summary>
    public bool FargateOnly => IsFargateOnly(RequiresCompatibilities);

    /// <summary>Whether requiresCompatibilities names FARGATE and neither EC2 nor EXTERNAL.</summary>
    public static bool IsFargateOnly(IEnumerable<string> compatibilities)
    {
        ArgumentNullException.ThrowIfNull(compatibilities);
        var list = compatibilities.ToList();
        return list.Any(c => string.Equals(c, "FARGATE", StringComparison.OrdinalIgnoreCase))
            && !list.Any(c => string.Equals(c, "EC2", StringComparison.OrdinalIgnoreCase) || string.Equals(c, "EXTERNAL", StringComparison.OrdinalIgnoreCase));
    }

    public override Value<bool> HostNetwork => ModeIs(NetworkMode, "host");
    public override Value<bool> HostPid => ModeIs(PidMode, "host");
    public override Value<bool> HostIpc => ModeIs(IpcMode, "host");
}
