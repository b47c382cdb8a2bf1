using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Shipshape.Core;
using Shipshape.Core.Model;
using Shipshape.Ingest.Syntax;
using static Shipshape.Ingest.Syntax.NodeValues;

namespace Shipshape.Ingest.Compose;

/// <summary>
/// Maps one compose service into the model. The only place compose defaults are decided, from the Compose
/// Specification and Docker's <c>docker run</c> reference: privileged, read_only false; user the image's;
/// no capabilities dropped beyond Docker's default set; privilege escalation allowed unless
/// <c>security_opt: [no-new-privileges:true]</c>; seccomp and AppArmor the runtime's default profiles unless
/// <c>security_opt</c> says <c>seccomp:unconfined</c> / <c>apparmor:unconfined</c>; the project's bridge
/// network and private PID and IPC namespaces; no memory limit.
/// </summary>
public static partial class ComposeServiceAdapter
{
    public const string ResourceKind = "ComposeService";

    public static ComposeService Adapt(ScalarNode key, MappingNode? node, string sourceFormat)
    {
        ArgumentNullException.ThrowIfNull(key);
        var name = key.Text;
        var path = $"services.{name}";
        var anchor = key.Span;
        node ??= new MappingNode(key.Span, []);
        string P(string field) => $"{path}.{field}";

        var image = String(node, "image", P("image"), anchor);
        var securityOptions = Strings(node.Get("security_opt"), P("security_opt"));
        var (volumes, mounts) = Volumes(node.Get("volumes"), P("volumes"));
        var deploy = node.Get("deploy") as MappingNode;
        var resources = deploy?.Get("resources") as MappingNode;
        var logging = node.Get("logging") as MappingNode;
        var containerName = node.Get("container_name") as ScalarNode;

        var container = new Container
        {
            Name = containerName is { Tag: null } ? Text(containerName, P("container_name")) : Value<string>.Explicit(name, key.Span, P("name")),
            Image = image,
            Privileged = Bool(node, "privileged", P("privileged"), anchor, false),
            User = String(node, "user", P("user"), anchor),
            ReadonlyRootFilesystem = Bool(node, "read_only", P("read_only"), anchor, false),
            AllowPrivilegeEscalation = DockerSecurityOptions.AllowPrivilegeEscalation(securityOptions, anchor, P("security_opt")),
            SeccompProfile = DockerSecurityOptions.Profile(securityOptions, "seccomp", anchor, P("security_opt")),
            AppArmorProfile = DockerSecurityOptions.Profile(securityOptions, "apparmor", anchor, P("security_opt")),
            CapabilitiesAdded = Strings(node.Get("cap_add"), P("cap_add")),
            CapabilitiesDropped = Strings(node.Get("cap_drop"), P("cap_drop")),
            CapabilitiesDeclared = node.Get("cap_drop") is { } drop
                ? Value<bool>.Explicit(true, drop.Span, P("cap_drop"))
                : Value<bool>.Defaulted(false, anchor, P("cap_drop")),
            Environment = Environment(node.Get("environment"), P("environment")),
            Secrets = Secrets(node.Get("secrets"), P("secrets")),
            PortMappings = Ports(node.Get("ports"), P("ports")),
            MountPoints = mounts,
            MemoryLimitMiB = Memory(resources?.Get("limits") as MappingNode, node, "mem_limit", path, "deploy.resources.limits.memory", anchor),
            MemoryReservationMiB = Memory(resources?.Get("reservations") as MappingNode, node, "mem_reservation", path, "deploy.resources.reservations.memory", anchor),
            CpuLimit = Cpu(resources?.Get("limits") as MappingNode, node, path, anchor),
            HealthCheck = HealthCheck(node.Get("healthcheck"), P("healthcheck"), anchor),
            LogConfiguration = logging is null ? null : new LogConfiguration(
                String(logging, "driver", P("logging.driver"), logging.Span), Pairs(logging.Get("options"), P("logging.options")), logging.Span, P("logging")),
            Role = ContainerRoleClassifier.Classify(image.IsExplicit ? image.Current : null, false),
            Span = node.Span,
            Path = path,
        };

        return new ComposeService
        {
            Address = name,
            Kind = ResourceKind,
            Span = node.Span.HasLine ? node.Span : key.Span,
            SourceFormat = sourceFormat,
            Containers = [container],
            Volumes = volumes,
            NetworkMode = String(node, "network_mode", P("network_mode"), anchor),
            PidMode = String(node, "pid", P("pid"), anchor),
            IpcMode = String(node, "ipc", P("ipc"), anchor),
        };
    }

    /// <summary>environment as a list ("KEY=value", or "KEY" taken from the shell: unresolved) or a map.</summary>
    private static ImmutableArray<KeyValue> Environment(SyntaxNode? node, string path)
    {
        var builder = ImmutableArray.CreateBuilder<KeyValue>();
        if (node is MappingNode map)
        {
            foreach (var entry in map.Entries)
            {
                var itemPath = $"{path}.{entry.Key.Text}";
                var value = entry.Value is ScalarNode { IsNull: true } ? Value<string?>.Unresolved(null, entry.Value.Span, itemPath) : Of(entry.Value, itemPath);
                builder.Add(new KeyValue(Text(entry.Key, itemPath), value));
            }
        }
        else if (node is SequenceNode list)
        {
            foreach (var item in list.Items.OfType<ScalarNode>())
            {
                var eq = item.Text.IndexOf('=', StringComparison.Ordinal);
                var name = eq < 0 ? item.Text : item.Text[..eq];
                var itemPath = $"{path}.{name}";
                builder.Add(new KeyValue(
                    Value<string>.Explicit(name, item.Span, itemPath),
                    eq < 0 ? Value<string?>.Unresolved(null, item.Span, itemPath) : Value<string?>.Explicit(item.Text[(eq + 1)..], item.Span, itemPath)));
            }
        }

        return builder.ToImmutable();
    }

    private static ImmutableArray<SecretReference> Secrets(SyntaxNode? node, string path)
    {
        if (node is not SequenceNode list)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<SecretReference>();
        foreach (var item in list.Items)
        {
            switch (item)
            {
                case ScalarNode s:
                    builder.Add(new SecretReference(Text(s, $"{path}.{s.Text}"), Value<string?>.Explicit(s.Text, s.Span, $"{path}.{s.Text}")));
                    break;
                case MappingNode m when m.Get("source") is ScalarNode source:
                    builder.Add(new SecretReference(Text(source, $"{path}.{source.Text}"), Value<string?>.Explicit(source.Text, source.Span, $"{path}.{source.Text}.source")));
                    break;
            }
        }

        return builder.ToImmutable();
    }

    private static ImmutableArray<PortMapping> Ports(SyntaxNode? node, string path)
    {
        if (node is not SequenceNode list)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<PortMapping>();
        for (var i = 0; i < list.Items.Length; i++)
        {
            var itemPath = $"{path}[{i}]";
            switch (list.Items[i])
            {
                case ScalarNode { Tag: null } s:
                    // [[ip:]host:]container[/protocol]; ranges and variables are not single ports.
                    var text = s.Text.Trim();
                    var slash = text.IndexOf('/', StringComparison.Ordinal);
                    var protocol = slash < 0 ? "tcp" : text[(slash + 1)..];
                    var parts = (slash < 0 ? text : text[..slash]).Split(':');
                    builder.Add(new PortMapping(
                        PortValue(parts[^1], s.Span, $"{itemPath}.target"),
                        parts.Length > 1 ? PortValue(parts[^2], s.Span, $"{itemPath}.published") : Value<int?>.Defaulted(null, s.Span, $"{itemPath}.published"),
                        Value<string>.Explicit(protocol, s.Span, $"{itemPath}.protocol"),
                        s.Span,
                        itemPath));
                    break;
                case MappingNode m:
                    builder.Add(new PortMapping(
                        Int(m, "target", $"{itemPath}.target", m.Span),
                        m.Get("published") is ScalarNode { Tag: null } p ? PortValue(p.Text, p.Span, $"{itemPath}.published") : Value<int?>.Defaulted(null, m.Span, $"{itemPath}.published"),
                        RequiredString(m, "protocol", $"{itemPath}.protocol", m.Span, "tcp"),
                        m.Span,
                        itemPath));
                    break;
            }
        }

        return builder.ToImmutable();
    }

    private static Value<int?> PortValue(string text, SourceSpan span, string path) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? Value<int?>.Explicit(port, span, path)
            : Value<int?>.Unresolved(null, span, path);

    /// <summary>Bind mounts become host-path volumes; named volumes are only mounts.</summary>
    private static (ImmutableArray<Volume> Volumes, ImmutableArray<MountPoint> Mounts) Volumes(SyntaxNode? node, string path)
    {
        var volumes = ImmutableArray.CreateBuilder<Volume>();
        var mounts = ImmutableArray.CreateBuilder<MountPoint>();
        if (node is not SequenceNode list)
        {
            return ([], []);
        }

        for (var i = 0; i < list.Items.Length; i++)
        {
            var itemPath = $"{path}[{i}]";
            string? source;
            string? target;
            bool readOnly;
            bool bind;
            switch (list.Items[i])
            {
                case ScalarNode { Tag: null } s:
                    var parts = s.Text.Split(':');
                    source = parts.Length > 1 ? parts[0] : null;
                    target = parts.Length > 1 ? parts[1] : parts[0];
                    readOnly = parts.Length > 2 && parts[2].Split(',').Contains("ro", StringComparer.Ordinal);
                    bind = source is not null && IsHostPath(source);
                    break;
                case MappingNode m:
                    source = (m.Get("source") as ScalarNode)?.Text;
                    target = (m.Get("target") as ScalarNode)?.Text;
                    readOnly = m.Get("read_only") is ScalarNode r && TryBool(r.Text, out var ro) && ro;
                    bind = string.Equals((m.Get("type") as ScalarNode)?.Text, "bind", StringComparison.Ordinal)
                        || (m.Get("type") is null && source is not null && IsHostPath(source));
                    break;
                default:
                    continue;
            }

            var span = list.Items[i].Span;
            var volumeName = source ?? $"anonymous[{i}]";
            if (bind && source is not null)
            {
                volumes.Add(new Volume
                {
                    Name = Value<string>.Explicit(volumeName, span, $"{itemPath}.source"),
                    HostPath = Value<string?>.Explicit(source, span, $"{itemPath}.source"),
                    Span = span,
                    Path = itemPath,
                });
            }

            mounts.Add(new MountPoint(
                Value<string?>.Explicit(volumeName, span, $"{itemPath}.source"),
                Value<string?>.Explicit(target, span, $"{itemPath}.target"),
                Value<bool>.Explicit(readOnly, span, $"{itemPath}.read_only"),
                span,
                itemPath));
        }

        return (volumes.ToImmutable(), mounts.ToImmutable());
    }

    private static bool IsHostPath(string source) => source.Length > 0 && source[0] is '/' or '.' or '~' or '$' || (source.Length > 1 && source[1] == ':');

    /// <summary>deploy.resources.*.memory, else the legacy mem_limit / mem_reservation; byte values like "512m", "1g", "1073741824".</summary>
    private static Value<int?> Memory(MappingNode? deploySection, MappingNode service, string legacyKey, string path, string deployPath, SourceSpan anchor)
    {
        var (node, valuePath) = deploySection?.Get("memory") is { } fromDeploy
            ? (fromDeploy, $"{path}.{deployPath}")
            : (service.Get(legacyKey), $"{path}.{legacyKey}");
        if (node is null)
        {
            return Value<int?>.Defaulted(null, anchor, $"{path}.{deployPath}");
        }

        if (node is ScalarNode { Tag: null, IsNull: false } s && ByteValue().Match(s.Text.Trim()) is { Success: true } match
            && double.TryParse(match.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            var factor = match.Groups["u"].Value.ToUpperInvariant() switch
            {
                "K" or "KB" => 1024d,
                "M" or "MB" => 1024d * 1024,
                "G" or "GB" => 1024d * 1024 * 1024,
                _ => 1d,
            };
            return Value<int?>.Explicit((int)Math.Min(int.MaxValue, Math.Ceiling(number * factor / (1024 * 1024))), s.Span, valuePath);
        }

        return Value<int?>.Unresolved(null, node.Span, valuePath);
    }

    /// <summary>
    /// The CPU limit: deploy.resources.limits.cpus, else cpus, else cpu_quota (microseconds per cpu_period);
    /// cpu_shares is a relative weight, not a limit.
    /// </summary>
    private static Value<string?> Cpu(MappingNode? limits, MappingNode service, string path, SourceSpan anchor)
    {
        foreach (var (owner, key, valuePath) in new[] { (limits, "cpus", $"{path}.deploy.resources.limits.cpus"), (service, "cpus", $"{path}.cpus"), (service, "cpu_quota", $"{path}.cpu_quota") })
        {
            if (owner?.Get(key) is { } node)
            {
                return node is ScalarNode { Tag: null, IsNull: false } s && s.Text.Trim() is { Length: > 0 } text && text != "0"
                    ? Value<string?>.Explicit(text, s.Span, valuePath)
                    : node is ScalarNode { IsNull: false, Tag: null } zero ? Value<string?>.Explicit(null, zero.Span, valuePath) : Value<string?>.Unresolved(null, node.Span, valuePath);
            }
        }

        return Value<string?>.Defaulted(null, anchor, $"{path}.deploy.resources.limits.cpus");
    }

    /// <summary>healthcheck: present (true) unless disable: true or test: ["NONE"]; absent leaves the image's HEALTHCHECK (defaulted false).</summary>
    private static Value<bool> HealthCheck(SyntaxNode? node, string path, SourceSpan anchor)
    {
        if (node is not MappingNode check)
        {
            return node is null ? Value<bool>.Defaulted(false, anchor, path) : Value<bool>.Unresolved(false, node.Span, path);
        }

        if (check.Get("disable") is ScalarNode disable && TryBool(disable.Text, out var disabled) && disabled)
        {
            return Value<bool>.Explicit(false, disable.Span, $"{path}.disable");
        }

        var test = check.Get("test");
        var first = test switch
        {
            SequenceNode { Items.Length: > 0 } list => (list.Items[0] as ScalarNode)?.Text,
            ScalarNode scalar => scalar.Text,
            _ => null,
        };
        return string.Equals(first?.Trim(), "NONE", StringComparison.Ordinal)
            ? Value<bool>.Explicit(false, test!.Span, $"{path}.test")
            : Value<bool>.Explicit(true, check.Span, path);
    }

    [GeneratedRegex(@"^(?<n>[0-9]+(?:\.[0-9]+)?)\s*(?<u>[bkmgBKMG]|[kmgKMG][bB])?$", RegexOptions.CultureInvariant)]
    private static partial Regex ByteValue();
}
