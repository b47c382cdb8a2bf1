using System.Collections.Immutable;
using System.Globalization;
using Shipshape.Core;
using Shipshape.Core.Model;
using Shipshape.Ingest.Syntax;
using static Shipshape.Ingest.Syntax.NodeValues;

namespace Shipshape.Ingest.Ecs;

/// <summary>
/// Maps an ECS task definition object into the model. It is the only place where ECS defaults are decided
/// (Amazon ECS developer guide, "Task definition parameters"); CloudFormation and Terraform call it too,
/// with PascalCase property names for CloudFormation and snake_case task-level names for Terraform.
/// </summary>
public sealed class EcsTaskDefinitionAdapter
{
    /// <summary>ECS default network mode for Linux tasks when networkMode is absent.</summary>
    public const string DefaultNetworkMode = "bridge";

    private readonly EcsNaming _naming;

    public EcsTaskDefinitionAdapter(bool pascalCase = false)
        : this(pascalCase ? EcsNaming.Pascal : EcsNaming.Camel)
    {
    }

    public EcsTaskDefinitionAdapter(EcsNaming naming) => _naming = naming;

    public TaskDefinition Adapt(MappingNode node, string address, string kind, string sourceFormat, SourceSpan span)
    {
        var anchor = (node.Get(N("family"), KeyComparison) as ScalarNode)?.Span ?? span;
        var compatibilities = (node.Get(N("requiresCompatibilities"), KeyComparison) as SequenceNode)?.Items
            .OfType<ScalarNode>().Select(s => s.Text).ToImmutableArray() ?? [];
        var runtime = node.Get(N("runtimePlatform"), KeyComparison) as MappingNode;
        var windows = (runtime?.Get(N("operatingSystemFamily"), KeyComparison) as ScalarNode)?.Text
            .StartsWith("WINDOWS", StringComparison.OrdinalIgnoreCase) == true;
        // dockerSecurityOptions is not valid on Fargate or for Windows containers (Task definition parameters, Security).
        var securityOptionsApply = !windows && !TaskDefinition.IsFargateOnly(compatibilities);
        var containers = ImmutableArray.CreateBuilder<Container>();
        if (node.Get(N("containerDefinitions"), KeyComparison) is SequenceNode definitions)
        {
            var index = 0;
            foreach (var item in definitions.Items)
            {
                if (item is MappingNode container)
                {
                    containers.Add(AdaptContainer(container, index, securityOptionsApply));
                }

                index++;
            }
        }

        var volumes = ImmutableArray.CreateBuilder<Volume>();
        var volumeNode = node.Get(N("volumes"), KeyComparison);
        if (volumeNode is MappingNode single)
        {
            // The Terraform JSON syntax may give a single block as an object.
            volumeNode = new SequenceNode(single.Span, [single]);
        }

        if (volumeNode is SequenceNode volumeList)
        {
            var index = 0;
            foreach (var item in volumeList.Items)
            {
                if (item is MappingNode volume)
                {
                    volumes.Add(AdaptVolume(volume, index));
                }

                index++;
            }
        }

        return new TaskDefinition
        {
            Address = address,
            Kind = kind,
            Span = span,
            SourceFormat = sourceFormat,
            Family = String(node, N("family"), N("family"), anchor),
            NetworkMode = RequiredString(node, N("networkMode"), N("networkMode"), anchor, DefaultNetworkMode),
            PidMode = String(node, N("pidMode"), N("pidMode"), anchor),
            IpcMode = String(node, N("ipcMode"), N("ipcMode"), anchor),
            TaskRoleArn = String(node, N("taskRoleArn"), N("taskRoleArn"), anchor),
            ExecutionRoleArn = String(node, N("executionRoleArn"), N("executionRoleArn"), anchor),
            RequiresCompatibilities = compatibilities,
            MemoryMiB = Memory(node, anchor),
            Cpu = String(node, N("cpu"), N("cpu"), anchor),
            Containers = containers.ToImmutable(),
            Volumes = volumes.ToImmutable(),
        };
    }

    private Container AdaptContainer(MappingNode node, int index, bool securityOptionsApply)
    {
        var nameNode = node.Get("name", KeyComparison) as ScalarNode;
        var label = nameNode is { Tag: null } ? nameNode.Text : index.ToString(CultureInfo.InvariantCulture);
        var path = $"{N("containerDefinitions")}[{label}]";
        var anchor = nameNode?.Span ?? node.Span;
        var name = nameNode is null
            ? Value<string>.Defaulted(label, node.Span, $"{path}.{C("name")}")
            : Text(nameNode, $"{path}.{C("name")}");
        return AdaptContainer(node, path, anchor, name, securityOptionsApply);
    }

    /// <summary>
    /// An AWS Batch job definition's containerProperties: the one container of the job, with the container definition's
    /// parameter names (AWS Batch API ContainerProperties). Batch decides differently from ECS where it has no such
    /// parameter: no health check, no dockerSecurityOptions, and memory may come from resourceRequirements (MEMORY, in
    /// MiB); the log configuration defaults to awslogs (AWS Batch user guide, "Using the awslogs log driver"), so a
    /// container without one is not left unlogged.
    /// </summary>
    public BatchJobDefinition AdaptBatch(MappingNode? properties, string propertiesPath, string address, string kind, string sourceFormat, SourceSpan span)
    {
        var containers = ImmutableArray.CreateBuilder<Container>();
        var volumes = ImmutableArray.CreateBuilder<Volume>();
        if (properties is not null)
        {
            var name = Value<string>.Defaulted(address, properties.Span, propertiesPath);
            var container = AdaptContainer(properties, propertiesPath, properties.Span, name, securityOptionsApply: false);
            if (container.MemoryLimitMiB is { IsDefaulted: true }
                && properties.Get("resourceRequirements", KeyComparison) is SequenceNode requirements)
            {
                var index = 0;
                foreach (var requirement in requirements.Items.OfType<MappingNode>())
                {
                    if (requirement.Get("type", KeyComparison) is ScalarNode { Text: var type } && string.Equals(type, "MEMORY", StringComparison.OrdinalIgnoreCase))
                    {
                        var value = String(requirement, "value", $"{propertiesPath}.{C("resourceRequirements")}[{index}].{C("value")}", requirement.Span);
                        container = container with
                        {
                            MemoryLimitMiB = new Value<int?>(int.TryParse(value.Current, NumberStyles.Integer, CultureInfo.InvariantCulture, out var mib) ? mib : null, value.Origin, value.Span, value.Path),
                        };
                    }

                    index++;
                }
            }

            containers.Add(container with { HealthCheck = null, CpuLimit = null, AllowPrivilegeEscalation = null, SeccompProfile = null, AppArmorProfile = null });
            if (properties.Get(C("volumes"), KeyComparison) is SequenceNode volumeList)
            {
                var index = 0;
                foreach (var volume in volumeList.Items.OfType<MappingNode>())
                {
                    var adapted = AdaptVolume(volume, index++);
                    volumes.Add(adapted with { Path = $"{propertiesPath}.{adapted.Path}" });
                }
            }
        }

        return new BatchJobDefinition
        {
            Address = address,
            Kind = kind,
            Span = span,
            SourceFormat = sourceFormat,
            Containers = containers.ToImmutable(),
            Volumes = volumes.ToImmutable(),
            NoHostNamespaces = Value<bool>.Defaulted(false, properties?.Span ?? span, propertiesPath),
        };
    }

    private Container AdaptContainer(MappingNode node, string path, SourceSpan anchor, Value<string> name, bool securityOptionsApply)
    {
        string P(string field) => $"{path}.{C(field)}";

        var linux = node.Get("linuxParameters", KeyComparison) as MappingNode;
        var capabilities = linux?.Get("capabilities", KeyComparison) as MappingNode;
        var capabilitiesPath = $"{P("linuxParameters")}.{C("capabilities")}";
        var image = String(node, "image", P("image"), anchor);
        var firelens = Firelens(node, P("firelensConfiguration"));
        var securityOptions = Strings(node.Get("dockerSecurityOptions", KeyComparison), P("dockerSecurityOptions"));
        var healthCheck = node.Get("healthCheck", KeyComparison);

        return new Container
        {
            Name = name,
            Image = image,
            Privileged = Bool(node, "privileged", P("privileged"), anchor, false),
            User = String(node, "user", P("user"), anchor),
            ReadonlyRootFilesystem = Bool(node, "readonlyRootFilesystem", P("readonlyRootFilesystem"), anchor, false),
            AllowPrivilegeEscalation = securityOptionsApply ? DockerSecurityOptions.AllowPrivilegeEscalation(securityOptions, anchor, P("dockerSecurityOptions")) : null,
            SeccompProfile = securityOptionsApply ? DockerSecurityOptions.Profile(securityOptions, "seccomp", anchor, P("dockerSecurityOptions")) : null,
            AppArmorProfile = securityOptionsApply ? DockerSecurityOptions.Profile(securityOptions, "apparmor", anchor, P("dockerSecurityOptions")) : null,
            CpuLimit = Value<string?>.Defaulted(null, anchor, P("cpu")),
            HealthCheck = healthCheck is null
                ? Value<bool>.Defaulted(false, anchor, P("healthCheck"))
                : Value<bool>.Explicit(true, healthCheck.Span, P("healthCheck")),
            CapabilitiesAdded = Strings(capabilities?.Get("add", KeyComparison), $"{capabilitiesPath}.{C("add")}"),
            CapabilitiesDropped = Strings(capabilities?.Get("drop", KeyComparison), $"{capabilitiesPath}.{C("drop")}"),
            CapabilitiesDeclared = capabilities is null
                ? Value<bool>.Defaulted(false, anchor, capabilitiesPath)
                : Value<bool>.Explicit(true, capabilities.Span, capabilitiesPath),
            Environment = Environment(node.Get("environment", KeyComparison), P("environment")),
            Secrets = Secrets(node.Get("secrets", KeyComparison), P("secrets")),
            PortMappings = Ports(node.Get("portMappings", KeyComparison), P("portMappings")),
            MountPoints = Mounts(node.Get("mountPoints", KeyComparison), P("mountPoints")),
            MemoryLimitMiB = Int(node, "memory", P("memory"), anchor),
            MemoryReservationMiB = Int(node, "memoryReservation", P("memoryReservation"), anchor),
            LogConfiguration = Logging(node, P("logConfiguration")),
            Firelens = firelens,
            Role = ContainerRoleClassifier.Classify(image.IsExplicit ? image.Current : null, firelens is not null),
            Span = node.Span,
            Path = path,
        };
    }

    private Volume AdaptVolume(MappingNode node, int index)
    {
        var nameNode = node.Get(N("name"), KeyComparison) as ScalarNode;
        var label = nameNode is { Tag: null } ? nameNode.Text : index.ToString(CultureInfo.InvariantCulture);
        var path = $"{N("volumes")}[{label}]";
        var anchor = nameNode?.Span ?? node.Span;
        EfsVolumeConfiguration? efs = null;
        var efsKey = _naming == EcsNaming.Pascal ? "EFSVolumeConfiguration" : N("efsVolumeConfiguration");
        if (node.Get(N("efsVolumeConfiguration"), KeyComparison) is MappingNode efsNode)
        {
            var efsPath = $"{path}.{efsKey}";
            var auth = efsNode.Get(N("authorizationConfig"), KeyComparison) as MappingNode;
            var authPath = $"{efsPath}.{N("authorizationConfig")}";
            var transit = String(efsNode, N("transitEncryption"), $"{efsPath}.{N("transitEncryption")}", efsNode.Span, "DISABLED");
            var iam = auth is null
                ? Value<string?>.Defaulted("DISABLED", efsNode.Span, $"{authPath}.{N("iam")}")
                : String(auth, N("iam"), $"{authPath}.{N("iam")}", auth.Span, "DISABLED");
            efs = new EfsVolumeConfiguration(
                String(efsNode, N("fileSystemId"), $"{efsPath}.{N("fileSystemId")}", efsNode.Span),
                Enabled(transit),
                Enabled(iam),
                auth is null ? Value<string?>.Defaulted(null, efsNode.Span, $"{authPath}.{N("accessPointId")}")
                    : String(auth, N("accessPointId"), $"{authPath}.{N("accessPointId")}", auth.Span),
                efsNode.Span,
                efsPath);
        }

        Value<string?>? hostPath = null;
        if (_naming == EcsNaming.TerraformSnake)
        {
            hostPath = node.Get("host_path", KeyComparison) is null ? null : String(node, "host_path", $"{path}.host_path", node.Span);
        }
        else if (node.Get(N("host"), KeyComparison) is MappingNode host)
        {
            hostPath = String(host, N("sourcePath"), $"{path}.{N("host")}.{N("sourcePath")}", host.Span);
        }

        return new Volume
        {
            Name = nameNode is null ? Value<string>.Defaulted(label, node.Span, $"{path}.{N("name")}") : Text(nameNode, $"{path}.{N("name")}"),
            HostPath = hostPath,
            Efs = efs,
            Span = node.Span,
            Path = path,
        };
    }

    private static Value<bool> Enabled(Value<string?> value) =>
        new(string.Equals(value.Current, "ENABLED", StringComparison.OrdinalIgnoreCase), value.Origin, value.Span, value.Path);

    private Value<int?> Memory(MappingNode node, SourceSpan anchor) =>
        // Task-level memory is a string: "512", "1024", or with a unit ("1 GB", "1GB").
        Units(String(node, N("memory"), N("memory"), anchor), ("GB", 1024), ("MB", 1));

    private static Value<int?> Units(Value<string?> text, params (string Suffix, int Factor)[] units)
    {
        if (!text.IsExplicit || text.Current is null)
        {
            return new Value<int?>(null, text.Origin, text.Span, text.Path);
        }

        var raw = text.Current.Trim().ToUpperInvariant().Replace(" ", string.Empty, StringComparison.Ordinal);
        var factor = 1;
        foreach (var (suffix, unitFactor) in units)
        {
            if (raw.EndsWith(suffix, StringComparison.Ordinal))
            {
                factor = unitFactor;
                raw = raw[..^suffix.Length];
                break;
            }
        }

        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? Value<int?>.Explicit((int)(number * factor), text.Span, text.Path)
            : Value<int?>.Unresolved(null, text.Span, text.Path);
    }

    private ImmutableArray<KeyValue> Environment(SyntaxNode? node, string path)
    {
        var builder = ImmutableArray.CreateBuilder<KeyValue>();
        foreach (var (entry, name) in Named(node))
        {
            var itemPath = $"{path}[{name.Current}]";
            builder.Add(new KeyValue(name, String(entry, "value", $"{itemPath}.{C("value")}", entry.Span)));
        }

        return builder.ToImmutable();
    }

    private ImmutableArray<SecretReference> Secrets(SyntaxNode? node, string path)
    {
        var builder = ImmutableArray.CreateBuilder<SecretReference>();
        foreach (var (entry, name) in Named(node))
        {
            var itemPath = $"{path}[{name.Current}]";
            builder.Add(new SecretReference(name, String(entry, "valueFrom", $"{itemPath}.{C("valueFrom")}", entry.Span)));
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
            var nameNode = item.Get("name", KeyComparison);
            var name = nameNode is ScalarNode s
                ? Text(s, "name")
                : Value<string>.Unresolved(string.Empty, nameNode?.Span ?? item.Span, "name");
            yield return (item, name);
        }
    }

    private ImmutableArray<PortMapping> Ports(SyntaxNode? node, string path) =>
        Mapped(node, path, (mapping, itemPath) => new PortMapping(
            Int(mapping, "containerPort", $"{itemPath}.{C("containerPort")}", mapping.Span),
            Int(mapping, "hostPort", $"{itemPath}.{C("hostPort")}", mapping.Span),
            RequiredString(mapping, "protocol", $"{itemPath}.{C("protocol")}", mapping.Span, "tcp"),
            mapping.Span,
            itemPath));

    private ImmutableArray<MountPoint> Mounts(SyntaxNode? node, string path) =>
        Mapped(node, path, (mapping, itemPath) => new MountPoint(
            String(mapping, "sourceVolume", $"{itemPath}.{C("sourceVolume")}", mapping.Span),
            String(mapping, "containerPath", $"{itemPath}.{C("containerPath")}", mapping.Span),
            Bool(mapping, "readOnly", $"{itemPath}.{C("readOnly")}", mapping.Span, false),
            mapping.Span,
            itemPath));

    private LogConfiguration? Logging(MappingNode container, string path)
    {
        if (container.Get("logConfiguration", KeyComparison) is not MappingNode node)
        {
            return null;
        }

        return new LogConfiguration(
            String(node, "logDriver", $"{path}.{C("logDriver")}", node.Span),
            Pairs(node.Get("options", KeyComparison), $"{path}.{C("options")}"),
            node.Span,
            path);
    }

    private FirelensConfiguration? Firelens(MappingNode container, string path)
    {
        if (container.Get("firelensConfiguration", KeyComparison) is not MappingNode node)
        {
            return null;
        }

        return new FirelensConfiguration(
            String(node, "type", $"{path}.{C("type")}", node.Span),
            Pairs(node.Get("options", KeyComparison), $"{path}.{C("options")}"),
            node.Span,
            path);
    }

    /// <summary>A task-level property name as the source spells it: camelCase (ECS API), PascalCase (CloudFormation) or snake_case (Terraform; "volumes" is the repeated "volume" block).</summary>
    private string N(string camel) => _naming switch
    {
        EcsNaming.Pascal => char.ToUpperInvariant(camel[0]) + camel[1..],
        EcsNaming.TerraformSnake => camel == "volumes" ? "volume" : Snake(camel),
        _ => camel,
    };

    /// <summary>A container-level name: container definitions are JSON in Terraform, so camelCase there too.</summary>
    private string C(string camel) => _naming == EcsNaming.Pascal ? char.ToUpperInvariant(camel[0]) + camel[1..] : camel;

    private static string Snake(string camel)
    {
        var builder = new System.Text.StringBuilder(camel.Length + 4);
        foreach (var c in camel)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                builder.Append('_').Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
