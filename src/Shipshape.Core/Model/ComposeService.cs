namespace Shipshape.Core.Model;

/// <summary>
/// One service of a compose file, addressed by its service name. A service, not the project, is the
/// workload because compose decides network, PID and IPC namespaces per service.
/// </summary>
public sealed record ComposeService : Workload
{
    public override Platform Platform => Platform.Compose;
    /// <summary>network_mode; absent means the project's default bridge network.</summary>
    public required Value<string?> NetworkMode { get; init; }
    public required Value<string?> PidMode { get; init; }
    public required Value<string?> IpcMode { get; init; }

    public override Value<bool> HostNetwork => ModeIs(NetworkMode, "host");
    public override Value<bool> HostPid => ModeIs(PidMode, "host");
    public override Value<bool> HostIpc => ModeIs(IpcMode, "host");
}
