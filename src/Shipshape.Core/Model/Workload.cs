using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>
/// Containers scheduled together and sharing namespaces: an ECS task definition, a Kubernetes pod template,
/// a compose project. Container rules run over workloads of every platform.
/// </summary>
public abstract record Workload : Resource
{
    public abstract Platform Platform { get; }
    public required ImmutableArray<Container> Containers { get; init; }
    public ImmutableArray<Volume> Volumes { get; init; } = [];
    /// <summary>Whether the workload shares the host's network namespace.</summary>
    public abstract Value<bool> HostNetwork { get; }
    public abstract Value<bool> HostPid { get; }
    public abstract Value<bool> HostIpc { get; }

    /// <summary>Whether a namespace mode ("host", "task", …) is the expected one, keeping the mode's origin and span.</summary>
    protected static Value<bool> ModeIs<T>(Value<T> mode, string expected)
    {
        ArgumentNullException.ThrowIfNull(mode);
        return new(string.Equals(mode.Current as string, expected, StringComparison.OrdinalIgnoreCase), mode.Origin, mode.Span, mode.Path);
    }
}
