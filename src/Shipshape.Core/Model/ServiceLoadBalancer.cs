namespace Shipshape.Core.Model;

/// <summary>A target group or load balancer an ECS service registers a container port with.</summary>
public sealed record ServiceLoadBalancer(Value<string?> ContainerName, Value<int?> ContainerPort, Value<string?> TargetGroup);
