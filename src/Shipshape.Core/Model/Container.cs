using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>
/// One container, whatever described it: an ECS container definition, a Kubernetes container, a compose service.
/// Defaults are decided by the adapter of each platform, once, from that platform's documentation.
/// </summary>
public sealed record Container
{
    public required Value<string> Name { get; init; }
    /// <summary>The image reference, or null when the source gives none.</summary>
    public required Value<string?> Image { get; init; }
    public required Value<bool> Privileged { get; init; }
    /// <summary>The user the process runs as; null when the source leaves it to the image.</summary>
    public required Value<string?> User { get; init; }
    public required Value<bool> ReadonlyRootFilesystem { get; init; }
    /// <summary>Kubernetes allowPrivilegeEscalation; ECS has no such field and defaults it to true.</summary>
    public Value<bool>? AllowPrivilegeEscalation { get; init; }
    /// <summary>Kubernetes runAsNonRoot (the kubelet refuses to start the container as UID 0); null where the platform has none.</summary>
    public Value<bool>? RunAsNonRoot { get; init; }
    /// <summary>The seccomp profile: "RuntimeDefault", "Localhost" or "Unconfined"; null where the source cannot set one (ECS).</summary>
    public Value<string?>? SeccompProfile { get; init; }
    /// <summary>The AppArmor profile: "RuntimeDefault", "Localhost" or "Unconfined"; null where the source cannot set one.</summary>
    public Value<string?>? AppArmorProfile { get; init; }
    public ImmutableArray<Value<string>> CapabilitiesAdded { get; init; } = [];
    public ImmutableArray<Value<string>> CapabilitiesDropped { get; init; } = [];
    /// <summary>The span and path where capabilities would be declared, for findings about missing drops.</summary>
    public required Value<bool> CapabilitiesDeclared { get; init; }
    public ImmutableArray<KeyValue> Environment { get; init; } = [];
    public ImmutableArray<SecretReference> Secrets { get; init; } = [];
    public ImmutableArray<PortMapping> PortMappings { get; init; } = [];
    public ImmutableArray<MountPoint> MountPoints { get; init; } = [];
    /// <summary>Hard memory limit in MiB; null when none is set at this level.</summary>
    public required Value<int?> MemoryLimitMiB { get; init; }
    public required Value<int?> MemoryReservationMiB { get; init; }
    public LogConfiguration? LogConfiguration { get; init; }
    public FirelensConfiguration? Firelens { get; init; }
    public ContainerRole Role { get; init; } = ContainerRole.Application;
    public required SourceSpan Span { get; init; }
    /// <summary>The container's property path inside its resource, for example "containerDefinitions[web]".</summary>
    public required string Path { get; init; }
}
