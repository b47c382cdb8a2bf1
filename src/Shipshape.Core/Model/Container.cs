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
    /// <summary>
    /// Whether a process may gain more privileges than its parent: Kubernetes allowPrivilegeEscalation, Docker's
    /// no-new-privileges (compose security_opt, ECS dockerSecurityOptions); null where the platform cannot set it
    /// (ECS tasks on Fargate and Windows).
    /// </summary>
    public Value<bool>? AllowPrivilegeEscalation { get; init; }
    /// <summary>Kubernetes runAsNonRoot (the kubelet refuses to start the container as UID 0); null where the platform has none.</summary>
    public Value<bool>? RunAsNonRoot { get; init; }
    /// <summary>The seccomp profile: "RuntimeDefault", "Localhost" or "Unconfined"; null where the source cannot set one (ECS on Fargate).</summary>
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
    /// <summary>
    /// The hard CPU limit as written (Kubernetes resources.limits.cpu, compose cpus or deploy.resources.limits.cpus);
    /// current null when none is set at this level. On ECS a container's cpu is a relative share on Linux, not a
    /// limit, so the task's cpu (<see cref="TaskDefinition.Cpu"/>) is the limit and this is defaulted null.
    /// </summary>
    public Value<string?>? CpuLimit { get; init; }
    /// <summary>The CPU the scheduler reserves (Kubernetes resources.requests.cpu); null where the platform has no such field.</summary>
    public Value<string?>? CpuRequest { get; init; }
    /// <summary>
    /// Whether the platform checks that the process is healthy and restarts it when not: ECS healthCheck, a
    /// Kubernetes livenessProbe, a compose healthcheck, a Dockerfile HEALTHCHECK. Explicit false when switched off
    /// (compose disable: true, test NONE); null where it cannot apply (Kubernetes init containers, Jobs).
    /// </summary>
    public Value<bool>? HealthCheck { get; init; }
    /// <summary>Whether a Kubernetes readinessProbe keeps traffic away until the container is ready; null elsewhere.</summary>
    public Value<bool>? ReadinessProbe { get; init; }
    /// <summary>Whether a Kubernetes container writes a securityContext of its own (explicit true) or none (defaulted false); null elsewhere.</summary>
    public Value<bool>? SecurityContextDeclared { get; init; }
    /// <summary>Kubernetes securityContext.procMount ("Default" when absent, "Unmasked"); null elsewhere.</summary>
    public Value<string?>? ProcMount { get; init; }
    /// <summary>Kubernetes imagePullPolicy as written (defaulted null when absent); null elsewhere.</summary>
    public Value<string?>? ImagePullPolicy { get; init; }
    /// <summary>Whether this is a Kubernetes init container (runs to completion before the others start).</summary>
    public bool IsInit { get; init; }
    public LogConfiguration? LogConfiguration { get; init; }
    public FirelensConfiguration? Firelens { get; init; }
    public ContainerRole Role { get; init; } = ContainerRole.Application;
    public required SourceSpan Span { get; init; }
    /// <summary>The container's property path inside its resource, for example "containerDefinitions[web]".</summary>
    public required string Path { get; init; }
}
