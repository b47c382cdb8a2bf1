using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>An Amazon ECS service or task set: what runs, where, and how it is reached.</summary>
public sealed record EcsService : Resource
{
    public required bool IsTaskSet { get; init; }
    public required Value<string?> Cluster { get; init; }
    public required Value<string?> TaskDefinition { get; init; }
    /// <summary>EC2, FARGATE or EXTERNAL; null when a capacity provider strategy decides.</summary>
    public required Value<string?> LaunchType { get; init; }
    /// <summary>Fargate platform version; ECS defaults to LATEST.</summary>
    public required Value<string?> PlatformVersion { get; init; }
    /// <summary>awsvpcConfiguration.assignPublicIp; ECS defaults to DISABLED.</summary>
    public required Value<bool> AssignPublicIp { get; init; }
    public ImmutableArray<Value<string>> SecurityGroups { get; init; } = [];
    public required Value<bool> EnableExecuteCommand { get; init; }
    public ImmutableArray<ServiceLoadBalancer> LoadBalancers { get; init; } = [];
    /// <summary>The legacy IAM role for the load balancer (CloudFormation Role, Terraform iam_role); absent means the service-linked role.</summary>
    public required Value<string?> Role { get; init; }
    /// <summary>The number of tasks to keep running; ECS defaults to 1 for a new REPLICA service (null for task sets and DAEMON services).</summary>
    public required Value<int?> DesiredCount { get; init; }
    /// <summary>The endpoints the service publishes through Service Connect, when Service Connect is enabled (empty otherwise).</summary>
    public ImmutableArray<ServiceConnectService> ServiceConnectServices { get; init; } = [];
}
