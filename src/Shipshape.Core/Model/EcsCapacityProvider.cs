namespace Shipshape.Core.Model;

/// <summary>An ECS capacity provider backed by an Auto Scaling group: where EC2-launched tasks get their hosts.</summary>
public sealed record EcsCapacityProvider : Resource
{
    public required Value<string?> AutoScalingGroup { get; init; }
    /// <summary>ENABLED or DISABLED (default): whether scale-in spares instances that still run tasks.</summary>
    public required Value<string> ManagedTerminationProtection { get; init; }
    /// <summary>ENABLED or DISABLED (default for CloudFormation when ManagedScaling is absent).</summary>
    public required Value<string> ManagedScaling { get; init; }
}
