using System.Collections.Immutable;
using System.Globalization;
using Shipshape.Core;
using Shipshape.Core.Model;
using Shipshape.Ingest.Syntax;
using static Shipshape.Ingest.Syntax.NodeValues;

namespace Shipshape.Ingest.Kubernetes;

/// <summary>
/// Maps a pod-running object into the model; the only place Kubernetes defaults are decided (API reference,
/// PodSpec, Container and SecurityContext): privileged, readOnlyRootFilesystem, hostNetwork/hostPID/hostIPC
/// default to false; allowPrivilegeEscalation to true (no_new_privs is not set unless it is false);
/// runAsUser, runAsNonRoot, seccompProfile and appArmorProfile come from the container's securityContext,
/// else the pod's (the container's wins), else the legacy annotations; without any, seccomp is Unconfined
/// (the kubelet's default unless the node enables seccompDefault) and AppArmor the runtime default.
/// </summary>
public static class KubernetesWorkloadAdapter
{
    private const string SeccompPodAnnotation = "seccomp.security.alpha.kubernetes.io/pod";
    private const string SeccompContainerAnnotation = "container.seccomp.security.alpha.kubernetes.io/";
    private const string AppArmorContainerAnnotation = "container.apparmor.security.beta.kubernetes.io/";

    public static bool IsWorkloadKind(string kind) =>
        kind is "Pod" or "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "ReplicationController" or "Job" or "CronJob"
            // OpenShift's DeploymentConfig carries the same pod template under spec.template.
            or "DeploymentConfig";

    /// <summary>
    /// Containers read per pod: real pods have a handful, and a generated one with hundreds of thousands would hold
    /// gigabytes of model; the reader reports the rest as not checked.
    /// </summary>
    public const int MaxContainers = 1000;

    /// <summary>The workload, or null when the object has no pod spec to read.</summary>
    public static KubernetesWorkload? Adapt(MappingNode node, string kind, string ns, string name, string address, string sourceFormat)
    {
        var (template, templatePath) = kind switch
        {
            "Pod" => (node, string.Empty),
            "CronJob" => (Path(node, "spec", "jobTemplate", "spec", "template"), "spec.jobTemplate.spec.template."),
            _ => (Path(node, "spec", "template"), "spec.template."),
        };
        if (template?.Get("spec") is not MappingNode pod)
        {
            return null;
        }

        var podPath = templatePath + "spec";
        var anchor = (Path(node, "metadata")?.Get("name") as ScalarNode)?.Span ?? node.Span;
        var annotations = Pairs(Path(template, "metadata")?.Get("annotations"), $"{templatePath}metadata.annotations");
        var podContext = pod.Get("securityContext") as MappingNode;
        var containers = ImmutableArray.CreateBuilder<Container>();
        foreach (var list in new[] { "initContainers", "containers" })
        {
            if (pod.Get(list) is SequenceNode items)
            {
                for (var i = 0; i < items.Items.Length && containers.Count < MaxContainers; i++)
                {
                    if (items.Items[i] is MappingNode container)
                    {
                        containers.Add(AdaptContainer(container, i, $"{podPath}.{list}", podContext, $"{podPath}.securityContext", annotations,
                            init: list == "initContainers", runsToCompletion: kind is "Job" or "CronJob"));
                    }
                }
            }
        }

        return new KubernetesWorkload
        {
            Address = address,
            Kind = kind,
            Span = node.Span,
            SourceFormat = sourceFormat,
            Namespace = ns,
            Name = name,
            PodSpecPath = podPath,
            Containers = containers.ToImmutable(),
            Volumes = Volumes(pod.Get("volumes"), $"{podPath}.volumes"),
            PodHostNetwork = Bool(pod, "hostNetwork", $"{podPath}.hostNetwork", anchor, false),
            PodHostPid = Bool(pod, "hostPID", $"{podPath}.hostPID", anchor, false),
            PodHostIpc = Bool(pod, "hostIPC", $"{podPath}.hostIPC", anchor, false),
            AutomountServiceAccountToken = NullableBool(pod, "automountServiceAccountToken", $"{podPath}.automountServiceAccountToken", anchor),
            ServiceAccountName = RequiredString(pod, pod.Get("serviceAccountName") is null && pod.Get("serviceAccount") is not null ? "serviceAccount" : "serviceAccountName",
                $"{podPath}.serviceAccountName", anchor, "default"),
            PodAnnotations = annotations,
            Sysctls = Sysctls(podContext?.Get("sysctls"), $"{podPath}.securityContext.sysctls"),
            PodSecurityContextDeclared = podContext is null
                ? Value<bool>.Defaulted(false, (pod.Get("containers") as SequenceNode)?.Span ?? anchor, $"{podPath}.securityContext")
                : Value<bool>.Explicit(true, podContext.Span, $"{podPath}.securityContext"),
        };
    }

    private static Container AdaptContainer(
        MappingNode node, int index, string listPath, MappingNode? podContext, string podContextPath, ImmutableArray<KeyValue> annotations,
        bool init, bool runsToCompletion)
    {
        var nameNode = node.Get("name") as ScalarNode;
        var label = nameNode is { Tag: null } ? nameNode.Text : index.ToString(CultureInfo.InvariantCulture);
        var path = $"{listPath}[{label}]";
        var anchor = nameNode?.Span ?? node.Span;
        var context = node.Get("securityContext") as MappingNode;
        var contextPath = $"{path}.securityContext";
        var capabilities = context?.Get("capabilities") as MappingNode;
        var capabilitiesPath = $"{contextPath}.capabilities";
        var image = String(node, "image", $"{path}.image", anchor);
        var resources = node.Get("resources") as MappingNode;

        return new Container
        {
            Name = nameNode is null ? Value<string>.Defaulted(label, node.Span, $"{path}.name") : Text(nameNode, $"{path}.name"),
            Image = image,
            Privileged = context is null
                ? Value<bool>.Defaulted(false, anchor, $"{contextPath}.privileged")
                : Bool(context, "privileged", $"{contextPath}.privileged", anchor, false),
            User = Inherited(context, contextPath, podContext, podContextPath, "runAsUser", anchor),
            RunAsNonRoot = InheritedBool(context, contextPath, podContext, podContextPath, "runAsNonRoot", anchor),
            ReadonlyRootFilesystem = context is null
                ? Value<bool>.Defaulted(false, anchor, $"{contextPath}.readOnlyRootFilesystem")
                : Bool(context, "readOnlyRootFilesystem", $"{contextPath}.readOnlyRootFilesystem", anchor, false),
            AllowPrivilegeEscalation = context is null
                ? Value<bool>.Defaulted(true, anchor, $"{contextPath}.allowPrivilegeEscalation")
                : Bool(context, "allowPrivilegeEscalation", $"{contextPath}.allowPrivilegeEscalation", anchor, true),
            CapabilitiesAdded = Strings(capabilities?.Get("add"), $"{capabilitiesPath}.add"),
            CapabilitiesDropped = Strings(capabilities?.Get("drop"), $"{capabilitiesPath}.drop"),
            CapabilitiesDeclared = capabilities is null
                ? Value<bool>.Defaulted(false, anchor, capabilitiesPath)
                : Value<bool>.Explicit(true, capabilities.Span, capabilitiesPath),
            SeccompProfile = Profile(context, contextPath, podContext, podContextPath, "seccompProfile", annotations,
                [SeccompContainerAnnotation + label, SeccompPodAnnotation], "Unconfined", anchor),
            AppArmorProfile = Profile(context, contextPath, podContext, podContextPath, "appArmorProfile", annotations,
                [AppArmorContainerAnnotation + label], "RuntimeDefault", anchor),
            Environment = Environment(node.Get("env"), $"{path}.env"),
            Secrets = Secrets(node.Get("env"), $"{path}.env"),
            PortMappings = Ports(node.Get("ports"), $"{path}.ports"),
            MountPoints = Mounts(node.Get("volumeMounts"), $"{path}.volumeMounts"),
            MemoryLimitMiB = Memory(resources, "limits", $"{path}.resources.limits.memory", anchor),
            MemoryReservationMiB = Memory(resources, "requests", $"{path}.resources.requests.memory", anchor),
            CpuLimit = Quantity(resources, "limits", "cpu", $"{path}.resources.limits.cpu", anchor),
            CpuRequest = Quantity(resources, "requests", "cpu", $"{path}.resources.requests.cpu", anchor),
            // Init containers may not have probes, and a Job's pods run to completion: neither is probed.
            HealthCheck = init || runsToCompletion ? null : Present(node.Get("livenessProbe"), $"{path}.livenessProbe", anchor),
            ReadinessProbe = init || runsToCompletion ? null : Present(node.Get("readinessProbe"), $"{path}.readinessProbe", anchor),
            IsInit = init,
            SecurityContextDeclared = context is null
                ? Value<bool>.Defaulted(false, anchor, contextPath)
                : Value<bool>.Explicit(true, context.Span, contextPath),
            ProcMount = context is null
                ? Value<string?>.Defaulted("Default", anchor, $"{contextPath}.procMount")
                : String(context, "procMount", $"{contextPath}.procMount", anchor, "Default"),
            ImagePullPolicy = String(node, "imagePullPolicy", $"{path}.imagePullPolicy", anchor),
            Role = ContainerRoleClassifier.Classify(image.IsExplicit ? image.Current : null, false),
            Span = node.Span,
            Path = path,
        };
    }

    /// <summary>A field of the container's securityContext, else of the pod's, else defaulted null.</summary>
    private static Value<string?> Inherited(MappingNode? context, string contextPath, MappingNode? pod, string podPath, string field, SourceSpan anchor)
    {
        if (context?.Get(field) is not null)
        {
            return String(context, field, $"{contextPath}.{field}", anchor);
        }

        return pod?.Get(field) is not null
            ? String(pod, field, $"{podPath}.{field}", anchor)
            : Value<string?>.Defaulted(null, anchor, $"{contextPath}.{field}");
    }

    private static Value<bool> InheritedBool(MappingNode? context, string contextPath, MappingNode? pod, string podPath, string field, SourceSpan anchor)
    {
        if (context?.Get(field) is not null)
        {
            return Bool(context, field, $"{contextPath}.{field}", anchor, false);
        }

        return pod?.Get(field) is not null
            ? Bool(pod, field, $"{podPath}.{field}", anchor, false)
            : Value<bool>.Defaulted(false, anchor, $"{contextPath}.{field}");
    }

    /// <summary>seccompProfile/appArmorProfile .type of the container, else the pod, else the legacy annotations, else the default.</summary>
    private static Value<string?> Profile(
        MappingNode? context, string contextPath, MappingNode? pod, string podPath, string field,
        ImmutableArray<KeyValue> annotations, string[] annotationNames, string fallback, SourceSpan anchor)
    {
        foreach (var (owner, ownerPath) in new[] { (context, contextPath), (pod, podPath) })
        {
            if (owner?.Get(field) is MappingNode profile)
            {
                return String(profile, "type", $"{ownerPath}.{field}.type", profile.Span, fallback);
            }
        }

        foreach (var annotationName in annotationNames)
        {
            var annotation = annotations.FirstOrDefault(a => string.Equals(a.Name.Current, annotationName, StringComparison.Ordinal));
            if (annotation is { Val.IsKnown: true, Val.Current: { } text })
            {
                var type = text switch
                {
                    "runtime/default" or "docker/default" => "RuntimeDefault",
                    "unconfined" => "Unconfined",
                    _ when text.StartsWith("localhost/", StringComparison.Ordinal) => "Localhost",
                    _ => text,
                };
                return Value<string?>.Explicit(type, annotation.Val.Span, annotation.Val.Path);
            }
        }

        return Value<string?>.Defaulted(fallback, anchor, $"{contextPath}.{field}");
    }

    private static Value<bool?> NullableBool(MappingNode owner, string key, string path, SourceSpan anchor)
    {
        var value = Bool(owner, key, path, anchor, false);
        return new Value<bool?>(value.IsDefaulted ? null : value.Current, value.Origin, value.Span, path);
    }

    /// <summary>resources.SECTION.NAME as written ("500m", "1"); defaulted null when absent.</summary>
    private static Value<string?> Quantity(MappingNode? resources, string section, string name, string path, SourceSpan anchor) =>
        (resources?.Get(section) as MappingNode)?.Get(name) is { } node
            ? String((MappingNode)resources!.Get(section)!, name, path, node.Span)
            : Value<string?>.Defaulted(null, anchor, path);

    /// <summary>securityContext.sysctls: a list of name/value pairs.</summary>
    private static ImmutableArray<KeyValue> Sysctls(SyntaxNode? node, string path) =>
        node is not SequenceNode list ? [] : [.. list.Items.OfType<MappingNode>().Select((entry, i) => new KeyValue(
            entry.Get("name") is ScalarNode name ? Text(name, $"{path}[{i}].name") : Value<string>.Unresolved(string.Empty, entry.Span, $"{path}[{i}].name"),
            String(entry, "value", $"{path}[{i}].value", entry.Span)))];

    private static Value<bool> Present(SyntaxNode? node, string path, SourceSpan anchor) => node switch
    {
        null or ScalarNode { IsNull: true } => Value<bool>.Defaulted(false, anchor, path),
        MappingNode => Value<bool>.Explicit(true, node.Span, path),
        _ => Value<bool>.Unresolved(false, node.Span, path),
    };

    private static Value<int?> Memory(MappingNode? resources, string section, string path, SourceSpan anchor)
    {
        if ((resources?.Get(section) as MappingNode)?.Get("memory") is not { } node)
        {
            return Value<int?>.Defaulted(null, anchor, path);
        }

        return node is ScalarNode { Tag: null, IsNull: false } s && KubernetesQuantity.MiB(s.Text) is { } mib
            ? Value<int?>.Explicit(mib, s.Span, path)
            : Value<int?>.Unresolved(null, node.Span, path);
    }

    private static ImmutableArray<KeyValue> Environment(SyntaxNode? node, string path)
    {
        var builder = ImmutableArray.CreateBuilder<KeyValue>();
        foreach (var (entry, name) in Named(node))
        {
            // valueFrom (secretKeyRef, configMapKeyRef, fieldRef) is not a plaintext value; secrets are listed apart.
            if (entry.Get("valueFrom") is null)
            {
                builder.Add(new KeyValue(name, String(entry, "value", $"{path}[{name.Current}].value", entry.Span, string.Empty)));
            }
        }

        return builder.ToImmutable();
    }

    private static ImmutableArray<SecretReference> Secrets(SyntaxNode? node, string path)
    {
        var builder = ImmutableArray.CreateBuilder<SecretReference>();
        foreach (var (entry, name) in Named(node))
        {
            if (Path(entry, "valueFrom", "secretKeyRef") is MappingNode reference)
            {
                var secretPath = $"{path}[{name.Current}].valueFrom.secretKeyRef";
                var secret = String(reference, "name", $"{secretPath}.name", reference.Span);
                var key = String(reference, "key", $"{secretPath}.key", reference.Span);
                builder.Add(new SecretReference(name, new Value<string?>($"{secret.Current}/{key.Current}", secret.Origin, reference.Span, secretPath)));
            }
        }

        return builder.ToImmutable();
    }

    private static IEnumerable<(MappingNode Entry, Value<string> Name)> Named(SyntaxNode? node)
    {
        if (node is not SequenceNode sequence)
        {
            yield break;
        }

        foreach (var item in sequence.Items.OfType<MappingNode>())
        {
            if (item.Get("name") is ScalarNode s)
            {
                yield return (item, Text(s, "name"));
            }
        }
    }

    private static ImmutableArray<PortMapping> Ports(SyntaxNode? node, string path) =>
        Mapped(node, path, (port, itemPath) => new PortMapping(
            Int(port, "containerPort", $"{itemPath}.containerPort", port.Span),
            Int(port, "hostPort", $"{itemPath}.hostPort", port.Span),
            RequiredString(port, "protocol", $"{itemPath}.protocol", port.Span, "TCP"),
            port.Span,
            itemPath));

    private static ImmutableArray<MountPoint> Mounts(SyntaxNode? node, string path) =>
        Mapped(node, path, (mount, itemPath) => new MountPoint(
            String(mount, "name", $"{itemPath}.name", mount.Span),
            String(mount, "mountPath", $"{itemPath}.mountPath", mount.Span),
            Bool(mount, "readOnly", $"{itemPath}.readOnly", mount.Span, false),
            mount.Span,
            itemPath));

    private static ImmutableArray<Volume> Volumes(SyntaxNode? node, string path) =>
        Mapped(node, path, (volume, itemPath) =>
        {
            var nameNode = volume.Get("name") as ScalarNode;
            var volumePath = nameNode is { Tag: null } ? $"{path}[{nameNode.Text}]" : itemPath;
            return new Volume
            {
                Name = nameNode is null ? Value<string>.Defaulted(string.Empty, volume.Span, $"{volumePath}.name") : Text(nameNode, $"{volumePath}.name"),
                HostPath = volume.Get("hostPath") is MappingNode host ? String(host, "path", $"{volumePath}.hostPath.path", host.Span) : null,
                Span = volume.Span,
                Path = volumePath,
            };
        });

    private static MappingNode? Path(MappingNode? node, params string[] keys)
    {
        foreach (var key in keys)
        {
            node = node?.Get(key) as MappingNode;
        }

        return node;
    }
}
