using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>
/// A Kubernetes object that runs pods (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob),
/// addressed "Kind/namespace/name"; its containers are those of the pod template, init containers included.
/// </summary>
public sealed record KubernetesWorkload : Workload
{
    public override Platform Platform => Platform.Kubernetes;
    public required string Namespace { get; init; }
    public required string Name { get; init; }
    /// <summary>The path of the pod spec inside the object: "spec", "spec.template.spec", "spec.jobTemplate.spec.template.spec".</summary>
    public required string PodSpecPath { get; init; }
    public required Value<bool> PodHostNetwork { get; init; }
    public required Value<bool> PodHostPid { get; init; }
    public required Value<bool> PodHostIpc { get; init; }
    /// <summary>The pod's automountServiceAccountToken; defaulted null when absent, so the service account decides.</summary>
    public required Value<bool?> AutomountServiceAccountToken { get; init; }
    /// <summary>The service account, "default" when absent.</summary>
    public required Value<string> ServiceAccountName { get; init; }
    /// <summary>metadata.namespace as written, or defaulted "default" at metadata.name.</summary>
    public Value<string>? DeclaredNamespace { get; init; }
    /// <summary>Whether the pod spec writes a securityContext (explicit true) or none (defaulted false, at the pod spec's containers key).</summary>
    public Value<bool>? PodSecurityContextDeclared { get; init; }
    /// <summary>The pod's securityContext.sysctls: name and value.</summary>
    public ImmutableArray<KeyValue> Sysctls { get; init; } = [];
    /// <summary>Annotations of the pod template (or the pod).</summary>
    public ImmutableArray<KeyValue> PodAnnotations { get; init; } = [];

    public override Value<bool> HostNetwork => PodHostNetwork;
    public override Value<bool> HostPid => PodHostPid;
    public override Value<bool> HostIpc => PodHostIpc;
}
