using System.Collections.Frozen;
using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Core.Model;
using Shipshape.Ingest.Syntax;
using static Shipshape.Ingest.Syntax.NodeValues;

namespace Shipshape.Ingest.Kubernetes;

/// <summary>
/// Reads Kubernetes manifests (one object per YAML document, or a kind: List): workloads into
/// <see cref="KubernetesWorkload"/>, and the other kinds rules need into <see cref="KubernetesObject"/>.
/// Helm and Kustomize output is read the same way once rendered (<c>helm template . | shipshape scan -</c>).
/// </summary>
public sealed class KubernetesReader : IDocumentReader
{
    public const string FormatName = "kubernetes";

    private static readonly FrozenSet<string> ObjectKinds = new[]
    {
        "Service", "NetworkPolicy", "ServiceAccount", "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding",
        "Secret", "ConfigMap", "Namespace",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> ClusterScoped = new[]
    {
        "ClusterRole", "ClusterRoleBinding", "Namespace",
    }.ToFrozenSet(StringComparer.Ordinal);

    public string Format => FormatName;

    public bool CanRead(SyntaxNode root) =>
        root is MappingNode m && KindOf(m) is { } kind && ApiVersionOf(m) is not null
        && (KubernetesWorkloadAdapter.IsWorkloadKind(kind) || ObjectKinds.Contains(kind) || (kind == "List" && m.Get("items") is SequenceNode));

    public IngestResult Read(string path, SyntaxNode root, CancellationToken cancellationToken = default)
    {
        var resources = ImmutableArray.CreateBuilder<Resource>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        if (root is MappingNode m && KindOf(m) == "List" && m.Get("items") is SequenceNode items)
        {
            for (var i = 0; i < items.Items.Length; i++)
            {
                if (items.Items[i] is MappingNode item && KindOf(item) is { } kind && ApiVersionOf(item) is not null)
                {
                    AddObject(item, kind, resources, diagnostics);
                }
            }
        }
        else if (root is MappingNode single && KindOf(single) is { } kind)
        {
            AddObject(single, kind, resources, diagnostics);
        }

        return new IngestResult(resources.ToImmutable(), diagnostics.ToImmutable());
    }

    private void AddObject(MappingNode node, string kind, ImmutableArray<Resource>.Builder resources, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var metadata = node.Get("metadata") as MappingNode;
        var name = (metadata?.Get("name") as ScalarNode)?.Text ?? (metadata?.Get("generateName") as ScalarNode)?.Text ?? "unnamed";
        var ns = ClusterScoped.Contains(kind) ? null : (metadata?.Get("namespace") as ScalarNode)?.Text is { Length: > 0 } n ? n : "default";
        var address = ns is null ? $"{kind}/{name}" : $"{kind}/{ns}/{name}";
        var declaredNamespace = ns is null ? null
            : metadata?.Get("namespace") is ScalarNode { Text.Length: > 0 } written ? Text(written, "metadata.namespace")
            : Value<string>.Defaulted("default", (metadata?.Get("name") as ScalarNode)?.Span ?? node.Span, "metadata.namespace");
        if (KubernetesWorkloadAdapter.IsWorkloadKind(kind))
        {
            if (KubernetesWorkloadAdapter.Adapt(node, kind, ns ?? "default", name, address, Format) is { } adapted)
            {
                var workload = adapted with { DeclaredNamespace = declaredNamespace };
                if (workload.Containers.Length >= KubernetesWorkloadAdapter.MaxContainers)
                {
                    diagnostics.Add(Diagnostic.Partial(node.Span, $"{address}: only the first {KubernetesWorkloadAdapter.MaxContainers} containers were checked"));
                }

                // The API server requires an image on every container; without any, this is a Kustomize patch or
                // another partial object, whose missing fields would be reported as findings.
                if (!workload.Containers.IsEmpty && workload.Containers.All(c => c.Image is { IsDefaulted: true, Current: null }))
                {
                    diagnostics.Add(Fragment(node, address, "no container has an image"));
                    return;
                }

                resources.Add(workload);
            }
            else
            {
                diagnostics.Add(Fragment(node, address, "it has no pod spec"));
            }

            return;
        }

        if (ObjectKinds.Contains(kind))
        {
            resources.Add(AdaptObject(node, kind, ns, name, address, metadata) with { DeclaredNamespace = declaredNamespace });
        }
    }

    /// <summary>
    /// The API server would reject an object without a pod spec or without container images: such files are
    /// Kustomize patches or other fragments, whose missing fields would only be false findings.
    /// </summary>
    private static Diagnostic Fragment(MappingNode node, string address, string why) =>
        Diagnostic.Info(node.Span, $"skipped {address}: {why}, so it is a patch or fragment (Kustomize); scan the rendered output instead (kubectl kustomize . | shipshape scan -)");

    private KubernetesObject AdaptObject(MappingNode node, string kind, string? ns, string name, string address, MappingNode? metadata)
    {
        var anchor = (metadata?.Get("name") as ScalarNode)?.Span ?? node.Span;
        var spec = node.Get("spec") as MappingNode;
        var result = new KubernetesObject
        {
            Address = address,
            Kind = kind,
            Span = node.Span,
            SourceFormat = Format,
            Namespace = ns,
            Name = name,
            Annotations = Pairs(metadata?.Get("annotations"), "metadata.annotations"),
        };

        return kind switch
        {
            "Service" => result with
            {
                Type = spec is null ? Value<string?>.Defaulted("ClusterIP", anchor, "spec.type") : String(spec, "type", "spec.type", anchor, "ClusterIP"),
                LoadBalancerSourceRanges = Strings(spec?.Get("loadBalancerSourceRanges"), "spec.loadBalancerSourceRanges"),
            },
            "ServiceAccount" => result with
            {
                AutomountServiceAccountToken = Bool(node, "automountServiceAccountToken", "automountServiceAccountToken", anchor, true),
            },
            "Role" or "ClusterRole" => result with { Rules = RbacRules(node.Get("rules")) },
            "RoleBinding" or "ClusterRoleBinding" => result with
            {
                RoleRefKind = node.Get("roleRef") is MappingNode roleRef ? String(roleRef, "kind", "roleRef.kind", roleRef.Span) : Value<string?>.Defaulted(null, anchor, "roleRef.kind"),
                RoleRefName = node.Get("roleRef") is MappingNode roleRefName ? String(roleRefName, "name", "roleRef.name", roleRefName.Span) : Value<string?>.Defaulted(null, anchor, "roleRef.name"),
                Subjects = Subjects(node.Get("subjects"), ns),
            },
            "Secret" => result with
            {
                Type = String(node, "type", "type", anchor, "Opaque"),
                Data = [.. Pairs(node.Get("data"), "data"), .. Pairs(node.Get("stringData"), "stringData")],
            },
            _ => result,
        };
    }

    /// <summary>subjects[]: kind, name and, for service accounts, the namespace (the binding's own when absent).</summary>
    private static ImmutableArray<RbacSubject> Subjects(SyntaxNode? node, string? bindingNamespace)
    {
        if (node is not SequenceNode sequence)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<RbacSubject>();
        for (var i = 0; i < sequence.Items.Length; i++)
        {
            if (sequence.Items[i] is MappingNode subject && subject.Get("name") is ScalarNode { Text.Length: > 0 } subjectName)
            {
                var path = $"subjects[{i}]";
                var kind = subject.Get("kind") is ScalarNode k ? Text(k, $"{path}.kind") : Value<string>.Unresolved(string.Empty, subject.Span, $"{path}.kind");
                var ns = (subject.Get("namespace") as ScalarNode)?.Text is { Length: > 0 } written ? written : bindingNamespace;
                builder.Add(new RbacSubject(kind, Text(subjectName, $"{path}.name"), ns, subject.Span, path));
            }
        }

        return builder.ToImmutable();
    }

    private static ImmutableArray<RbacRule> RbacRules(SyntaxNode? node)
    {
        if (node is not SequenceNode sequence)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<RbacRule>();
        for (var i = 0; i < sequence.Items.Length; i++)
        {
            if (sequence.Items[i] is MappingNode rule)
            {
                var path = $"rules[{i}]";
                builder.Add(new RbacRule(
                    Strings(rule.Get("apiGroups"), $"{path}.apiGroups"),
                    Strings(rule.Get("resources"), $"{path}.resources"),
                    Strings(rule.Get("verbs"), $"{path}.verbs"),
                    Strings(rule.Get("resourceNames"), $"{path}.resourceNames"),
                    rule.Span,
                    path));
            }
        }

        return builder.ToImmutable();
    }

    private static string? KindOf(MappingNode node) => node.Get("kind") is ScalarNode { Tag: null, IsNull: false } k ? k.Text : null;

    private static string? ApiVersionOf(MappingNode node) => node.Get("apiVersion") is ScalarNode { Tag: null, IsNull: false } v ? v.Text : null;
}
