namespace Shipshape.Core.Model;

/// <summary>
/// An AWS Batch container job definition: its containerProperties is one container with the ECS container definition's
/// parameters, so the container rules run on it. Batch container jobs have no host network, PID or IPC setting.
/// </summary>
public sealed record BatchJobDefinition : Workload
{
    public override Platform Platform => Platform.Batch;

    /// <summary>False, at the container properties: Batch offers no host namespace sharing for container jobs.</summary>
    public required Value<bool> NoHostNamespaces { get; init; }

    public override Value<bool> HostNetwork => NoHostNamespaces;

    public override Value<bool> HostPid => NoHostNamespaces;

    public override Value<bool> HostIpc => NoHostNamespaces;
}
