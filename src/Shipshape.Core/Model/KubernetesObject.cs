using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>
/// A Kubernetes object the rules look at beyond workloads (Service, NetworkPolicy, ServiceAccount, Role,
/// ClusterRole, bindings, Secret, ConfigMap, Namespace), addressed "Kind/namespace/name"
/// ("Kind/name" for cluster-scoped kinds). What each kind needs is filled in; the rest stays empty.
/// </summary>
public sealed record KubernetesObject : Resource
{
    /// <summary>The namespace, "default" when absent; null for cluster-scoped kinds (ClusterRole, Namespace, …).</summary>
    public required string? Namespace { get; init; }
    public required string Name { get; init; }
    public ImmutableArray<KeyValue> Annotations { get; init; } = [];
    /// <summary>Service: spec.type, "ClusterIP" when absent; Secret: type, "Opaque" when absent.</summary>
    public Value<string?>? Type { get; init; }
    /// <summary>Service: spec.loadBalancerSourceRanges.</summary>
    public ImmutableArray<Value<string>> LoadBalancerSourceRanges { get; init; } = [];
    /// <summary>ServiceAccount: automountServiceAccountToken, defaulted true.</summary>
    public Value<bool>? AutomountServiceAccountToken { get; init; }
    /// <summary>Role and ClusterRole: the policy rules.</summary>
    public ImmutableArray<RbacRule> Rules { get; init; } = [];
    /// <summary>RoleBinding and ClusterRoleBinding: roleRef.kind and roleRef.name.</summary>
    public Value<string?>? RoleRefKind { get; init; }
    public Value<string?>? RoleRefName { get; init; }
    /// <summary>RoleBinding and ClusterRoleBinding: the subjects.</summary>
    public ImmutableArray<RbacSubject> Subjects { get; init; } = [];
    /// <summary>metadata.namespace as written, or defaulted "default" at metadata.name; null for cluster-scoped kinds.</summary>
    public Value<string>? DeclaredNamespace { get; init; }
    /// <summary>Secret: the entries of data and stringData (values as written, base64 for data).</summary>
    public ImmutableArray<KeyValue> Data { get; init; } = [];

    public string? Annotation(string name) =>
        Annotations.FirstOrDefault(a => string.Equals(a.Name.Current, name, StringComparison.Ordinal))?.Val.Current;
}
