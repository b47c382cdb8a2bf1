using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Core.Model;
using Shipshape.Ingest.Iam;
using Shipshape.Ingest.Syntax;

namespace Shipshape.Ingest.Terraform;

/// <summary>
/// Maps evaluated AWS provider resources (HCL or plan JSON, as the positioned tree) into the model, one method per
/// resource type, with the provider's documented defaults. Resources that only attach something to another resource
/// (aws_ecr_lifecycle_policy, aws_iam_role_policy_attachment, …) are folded into their target by <see cref="Link"/>;
/// a repository policy stays its own resource, because checks name it and it may sit apart from its repository.
/// </summary>
public static class TerraformAdapters
{
    private static readonly ImmutableHashSet<string> Types =
    [
        "aws_ecs_service", "aws_ecs_cluster", "aws_ecs_capacity_provider",
        "aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule",
        "aws_lb", "aws_alb", "aws_lb_listener", "aws_alb_listener",
        "aws_ecr_repository", "aws_ecr_repository_policy", "aws_ecr_lifecycle_policy",
        "aws_eks_cluster", "aws_eks_node_group", "aws_cloudtrail", "aws_cloudwatch_log_group",
        "aws_cloudwatch_log_metric_filter", "aws_cloudwatch_metric_alarm", "aws_sns_topic",
        "aws_secretsmanager_secret", "aws_secretsmanager_secret_rotation", "aws_ssm_parameter", "aws_kms_key",
        "aws_efs_file_system", "aws_iam_role", "aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy",
        "aws_iam_group_policy", "aws_iam_role_policy_attachment", "aws_iam_user", "aws_iam_group", "aws_iam_access_key",
        "aws_iam_instance_profile", "aws_iam_policy_attachment", "aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment",
        "aws_ssoadmin_permission_set_inline_policy",
    ];

    /// <summary>Whether the type is one this class maps (aws_ecs_task_definition has its own mapper).</summary>
    public static bool Handles(string type) => Types.Contains(type);

    public static IEnumerable<Resource> Adapt(string address, string type, MappingNode attributes, string format, SourceSpan span)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var p = new PropertyReader(attributes, span, string.Empty);
        var r = new Target(address, type, format, span);
        return type switch
        {
            "aws_ecs_service" => [Service(r, p)],
            "aws_ecs_cluster" => [Cluster(r, p)],
            "aws_ecs_capacity_provider" => [CapacityProvider(r, p)],
            "aws_security_group" => [SecurityGroup(r, p)],
            "aws_security_group_rule" => Rules(r, p, p.String("type").Current != "egress", p.String("security_group_id"), string.Empty),
            "aws_vpc_security_group_ingress_rule" or "aws_vpc_security_group_egress_rule" => [VpcRule(r, p, type.EndsWith("ingress_rule", StringComparison.Ordinal))],
            "aws_lb" or "aws_alb" => [LoadBalancer(r, p)],
            "aws_lb_listener" or "aws_alb_listener" => [Listener(r, p)],
            "aws_ecr_repository" => [Repository(r, p)],
            "aws_ecr_repository_policy" => [new EcrRepositoryPolicy
            {
                Address = r.Address, Kind = r.Type, Span = r.Span, SourceFormat = r.Format,
                Repository = p.String("repository"),
                Policy = PolicyDocumentReader.Read(p.Get("policy"), "policy"),
            }],
            "aws_eks_cluster" => [EksCluster(r, p)],
            "aws_eks_node_group" => [NodeGroup(r, p)],
            "aws_cloudtrail" => [new Trail
            {
                Address = r.Address, Kind = r.Type, Span = r.Span, SourceFormat = r.Format,
                IsLogging = p.Bool("enable_logging", true),
                MultiRegion = p.Bool("is_multi_region_trail", false),
                LogFileValidation = p.Bool("enable_log_file_validation", false),
                CloudWatchLogsGroup = p.String("cloud_watch_logs_group_arn"),
                KmsKey = p.String("kms_key_id"),
            }],
            "aws_cloudwatch_log_group" => [new LogGroup
            {
                Address = r.Address, Kind = r.Type, Span = r.Span, SourceFormat = r.Format,
                Name = p.String("name"),
                RetentionInDays = Retention(p.Int("retention_in_days")),
                KmsKey = p.String("kms_key_id"),
            }],
            "aws_cloudwatch_log_metric_filter" => [MetricFilter(r, p)],
            "aws_cloudwatch_metric_alarm" => [new Alarm
            {
                Address = r.Address, Kind = r.Type, Span = r.Span, SourceFormat = r.Format,
                MetricName = p.String("metric_name"),
                MetricNamespace = p.String("namespace"),
                AlarmActions = p.Strings("alarm_actions"),
            }],
            "aws_sns_topic" => [new SnsTopic { Address = r.Address, Kind = r.Type, Span = r.Span, SourceFormat = r.Format, KmsKey = p.String("kms_master_key_id") }],
            "aws_secretsmanager_secret" => [new SecretsManagerSecret
            {
                Address = r.Address, Kind = r.Type, Span = r.Span, SourceFormat = r.Format,
                Name = p.String("name"),
                KmsKey = p.String("kms_key_id"),
                Rotated = Value<bool>.Defaulted(false, r.Span, "aws_secretsmanager_secret_rotation"),
            }],
            "aws_ssm_parameter" => [new SsmParameter
            {
                Address = r.Address, Kind = r.Type, Span = r.Span, SourceFormat = r.Format,
                Name = p.String("name"),
                Type = p.String("type"),
                ParameterValue = p.Has("value") ? p.String("value") : p.String("insecure_value"),
            }],
            "aws_kms_key" => [new KmsKey
            {
                Address = r.Address, Kind = r.Type, Span = r.Span, SourceFormat = r.Format,
                KeySpec = p.RequiredString("customer_master_key_spec", "SYMMETRIC_DEFAULT"),
                RotationEnabled = p.Bool("enable_key_rotation", false),
                KeyPolicy = PolicyDocumentReader.Read(p.Get("policy"), "policy"),
            }],
            "aws_efs_file_system" => [new EfsFileSystem
            {
                Address = r.Address, Kind = r.Type, Span = r.Span, SourceFormat = r.Format,
                Encrypted = p.Bool("encrypted", false),
                KmsKey = p.String("kms_key_id"),
            }],
            "aws_iam_role" => [new IamRole
            {
                Address = r.Address, Kind = r.Type, Span = r.Span, SourceFormat = r.Format,
                RoleName = p.String("name"),
                TrustPolicy = PolicyDocumentReader.Read(p.Get("assume_role_policy"), "assume_role_policy"),
                InlinePolicies = [.. p.Blocks("inline_policy").Select(b => PolicyDocumentReader.Read(b.Get("policy"), b.PathOf("policy"))).OfType<PolicyDocument>()],
                ManagedPolicies = p.Strings("managed_policy_arns"),
            }],
            "aws_iam_policy" => [Policy(r, p, managed: true, roles: [], users: [], groups: [])],
            "aws_iam_role_policy" => [Policy(r, p, managed: false, roles: p.Strings("role"), users: [], groups: [])],
            "aws_iam_user_policy" => [Policy(r, p, managed: false, roles: [], users: p.Strings("user"), groups: [])],
            "aws_iam_group_policy" => [Policy(r, p, managed: false, roles: [], users: [], groups: p.Strings("group"))],
            // Attachments of a managed policy by ARN: the document lives elsewhere, the attachment is what rules about
            // who holds a policy (users directly, say) need.
            "aws_iam_policy_attachment" => [Policy(r, p, managed: true, roles: p.Strings("roles"), users: p.Strings("users"), groups: p.Strings("groups"))],
            "aws_ssoadmin_permission_set_inline_policy" => [new IamPolicy
            {
                Address = r.Address, Kind = r.Type, Span = r.Span, SourceFormat = r.Format,
                Managed = false,
                Document = PolicyDocumentReader.Read(p.Get("inline_policy"), "inline_policy"),
            }],
            "aws_iam_user_policy_attachment" => [Policy(r, p, managed: true, roles: [], users: p.Strings("user"), groups: [])],
            "aws_iam_group_policy_attachment" => [Policy(r, p, managed: true, roles: [], users: [], groups: p.Strings("group"))],
            "aws_iam_user" or "aws_iam_group" or "aws_iam_instance_profile" => [new IamPrincipal
            {
                Address = r.Address, Kind = r.Type, Span = r.Span, SourceFormat = r.Format,
                PrincipalType = type switch { "aws_iam_user" => "User", "aws_iam_group" => "Group", _ => "InstanceProfile" },
                Roles = p.Strings("role"),
            }],
            "aws_iam_access_key" => [new IamAccessKey
            {
                Address = r.Address, Kind = r.Type, Span = r.Span, SourceFormat = r.Format,
                User = p.String("user"),
                Status = p.RequiredString("status", "Active"),
            }],
            _ => [],
        };
    }

    /// <summary>
    /// Folds attachment resources into their targets: lifecycle policies into repositories, rotations
    /// into secrets, policy attachments into roles. The attachment's target is a link (or, in a plan, a name).
    /// </summary>
    public static ImmutableArray<Resource> Link(IEnumerable<Resource> resources, IEnumerable<(string Type, string Address, MappingNode Attributes, SourceSpan Span)> attachments)
    {
        var list = resources.ToList();
        foreach (var (type, address, attributes, span) in attachments)
        {
            var p = new PropertyReader(attributes, span, string.Empty);
            switch (type)
            {
                case "aws_ecr_lifecycle_policy":
                    Update<EcrRepository>(list, p.String("repository"), repo => repo with { HasLifecyclePolicy = Value<bool>.Explicit(true, span, address) });
                    break;
                case "aws_secretsmanager_secret_rotation":
                    Update<SecretsManagerSecret>(list, p.String("secret_id"), secret => secret with { Rotated = Value<bool>.Explicit(true, span, address) });
                    break;
                case "aws_iam_role_policy_attachment":
                    var arn = p.String("policy_arn");
                    Update<IamRole>(list, p.String("role"), role => role with
                    {
                        ManagedPolicies = role.ManagedPolicies.Add(new Value<string>(arn.Current ?? string.Empty, arn.Origin, arn.Span, arn.Path) { Reference = arn.Reference }),
                    });
                    break;
            }
        }

        return [.. list];
    }

    /// <summary>Attachment types, which <see cref="Link"/> consumes instead of mapping on their own.</summary>
    public static bool IsAttachment(string type) =>
        type is "aws_ecr_lifecycle_policy" or "aws_secretsmanager_secret_rotation" or "aws_iam_role_policy_attachment";

    private static void Update<T>(List<Resource> resources, Value<string?> target, Func<T, T> change) where T : Resource
    {
        for (var i = 0; i < resources.Count; i++)
        {
            if (resources[i] is T match && Targets(match, target))
            {
                resources[i] = change(match);
                return;
            }
        }
    }

    /// <summary>A link names the resource's address; a plain value (plan JSON, a literal) names it by its name attribute.</summary>
    private static bool Targets(Resource resource, Value<string?> target) =>
        (target.Reference is { } reference && string.Equals(reference, resource.Address, StringComparison.Ordinal))
        || (target.IsExplicit && target.Current is { } name && resource switch
        {
            EcrRepository repo => repo.Name?.Current == name,
            SecretsManagerSecret s => s.Name.Current == name,
            IamRole role => role.RoleName.Current == name,
            _ => false,
        });

    private static Value<int?> Retention(Value<int?> days) =>
        days.Current == 0 ? days with { Current = null } : days;

    private static EcsService Service(Target r, PropertyReader p)
    {
        var network = p.BlockOrEmpty("network_configuration");
        return new EcsService
        {
            Address = r.Address, Kind = r.Type, Span = r.Span, SourceFormat = r.Format,
            IsTaskSet = false,
            Cluster = p.String("cluster"),
            TaskDefinition = p.String("task_definition"),
            LaunchType = p.String("launch_type"),
            PlatformVersion = p.String("platform_version", "LATEST"),
            AssignPublicIp = network.Bool("assign_public_ip", false),
            SecurityGroups = network.Strings("security_groups"),
            EnableExecuteCommand = p.Bool("enable_execute_command", false),
            LoadBalancers = [.. p.Blocks("load_balancer").Select(lb => new ServiceLoadBalancer(lb.String("container_name"), lb.Int("container_port"), lb.String("target_group_arn")))],
        };
    }

    private static EcsCluster Cluster(Target r, PropertyReader p)
    {
        var insights = Value<string?>.Defaulted(null, r.Span, "setting");
        foreach (var setting in p.Blocks("setting"))
        {
            if (setting.String("name").Current == "containerInsights")
            {
                insights = setting.String("value");
            }
        }

        var exec = p.BlockOrEmpty("configuration").BlockOrEmpty("execute_command_configuration");
        return new EcsCluster
        {
            Address = r.Address, Kind = r.Type, Span = r.Span, SourceFormat = r.Format,
            ContainerInsights = insights,
            ExecuteCommandLogging = exec.String("logging", "DEFAULT"),
            ExecuteCommandKmsKey = exec.String("kms_key_id"),
        };
    }

    private static EcsCapacityProvider CapacityProvider(Target r, PropertyReader p)
    {
        var asg = p.BlockOrEmpty("auto_scaling_group_provider");
        return new EcsCapacityProvider
        {
            Address = r.Address, Kind = r.Type, Span = r.Span, SourceFormat = r.Format,
            AutoScalingGroup = asg.String("auto_scaling_group_arn"),
            ManagedTerminationProtection = asg.RequiredString("managed_termination_protection", "DISABLED"),
            ManagedScaling = asg.BlockOrEmpty("managed_scaling").RequiredString("status", "DISABLED"),
        };
    }

    private static SecurityGroup SecurityGroup(Target r, PropertyReader p)
    {
        var group = Value<string?>.Explicit(r.Address, r.Span, "id");
        var rules = p.Blocks("ingress").SelectMany(b => Rules(r, b, true, group, b.Prefix))
            .Concat(p.Blocks("egress").SelectMany(b => Rules(r, b, false, group, b.Prefix)));
        return new SecurityGroup
        {
            Address = r.Address, Kind = r.Type, Span = r.Span, SourceFormat = r.Format,
            Description = p.String("description"),
            Rules = [.. rules],
        };
    }

    /// <summary>
    /// One model rule per CIDR of a Terraform rule (cidr_blocks and ipv6_cidr_blocks are lists); a rule naming
    /// only security groups or prefix lists is one rule with a peer.
    /// </summary>
    private static IEnumerable<SecurityGroupRule> Rules(Target r, PropertyReader p, bool ingress, Value<string?> group, string path)
    {
        var v4 = p.Strings("cidr_blocks");
        var v6 = p.Strings("ipv6_cidr_blocks");
        var peers = p.Strings("security_groups").AddRange(p.Strings("prefix_list_ids"));
        var peer = p.Has("source_security_group_id") ? p.String("source_security_group_id") : Value<string?>.Defaulted(null, p.Anchor, p.PathOf("source_security_group_id"));
        var none = Value<string?>.Defaulted(null, p.Anchor, p.PathOf("cidr_blocks"));
        var rules = new List<SecurityGroupRule>();
        rules.AddRange(v4.Select(c => Rule(r, p, ingress, group, path, Nullable(c), none, peer)));
        rules.AddRange(v6.Select(c => Rule(r, p, ingress, group, path, none, Nullable(c), peer)));
        if (rules.Count == 0)
        {
            var firstPeer = peers.IsEmpty ? peer : Nullable(peers[0]);
            rules.Add(Rule(r, p, ingress, group, path, none, none, firstPeer));
        }

        return rules;
    }

    private static SecurityGroupRule Rule(Target r, PropertyReader p, bool ingress, Value<string?> group, string path, Value<string?> v4, Value<string?> v6, Value<string?> peer) => new()
    {
        Address = r.Address, Kind = r.Type, Span = r.Span, SourceFormat = r.Format,
        Ingress = ingress,
        Protocol = p.String("protocol"),
        FromPort = p.Int("from_port"),
        ToPort = p.Int("to_port"),
        CidrIpv4 = v4,
        CidrIpv6 = v6,
        Peer = peer,
        Group = group,
        Description = p.String("description"),
        Path = path,
    };

    private static SecurityGroupRule VpcRule(Target r, PropertyReader p, bool ingress) => new()
    {
        Address = r.Address, Kind = r.Type, Span = r.Span, SourceFormat = r.Format,
        Ingress = ingress,
        Protocol = p.String("ip_protocol"),
        FromPort = p.Int("from_port"),
        ToPort = p.Int("to_port"),
        CidrIpv4 = p.String("cidr_ipv4"),
        CidrIpv6 = p.String("cidr_ipv6"),
        Peer = p.Has("referenced_security_group_id") ? p.String("referenced_security_group_id") : p.String("prefix_list_id"),
        Group = p.String("security_group_id"),
        Description = p.String("description"),
        Path = string.Empty,
    };

    private static Value<string?> Nullable(Value<string> value) =>
        new(value.Current, value.Origin, value.Span, value.Path) { Reference = value.Reference, ReferenceAttribute = value.ReferenceAttribute };

    private static LoadBalancer LoadBalancer(Target r, PropertyReader p)
    {
        var type = p.RequiredString("load_balancer_type", "application");
        var internalFlag = p.Bool("internal", false);
        return new LoadBalancer
        {
            Address = r.Address, Kind = r.Type, Span = r.Span, SourceFormat = r.Format,
            Type = type,
            Scheme = new Value<string>(internalFlag.Current ? "internal" : "internet-facing", internalFlag.Origin, internalFlag.Span, internalFlag.Path),
            SecurityGroups = p.Strings("security_groups"),
        };
    }

    private static Listener Listener(Target r, PropertyReader p)
    {
        var actions = p.Blocks("default_action").ToList();
        var redirect = actions.FirstOrDefault(a => a.String("type").Current == "redirect");
        var protocol = redirect?.BlockOrEmpty("redirect").String("protocol");
        return new Listener
        {
            Address = r.Address, Kind = r.Type, Span = r.Span, SourceFormat = r.Format,
            LoadBalancer = p.String("load_balancer_arn"),
            // The AWS provider defaults protocol to HTTP (aws_lb_listener: "Defaults to HTTP" for Application Load Balancers).
            Protocol = p.String("protocol", "HTTP"),
            Port = p.Int("port"),
            SslPolicy = p.String("ssl_policy"),
            RedirectsToHttps = protocol is null
                ? (actions.Count == 0 && p.Has("default_action") ? Value<bool>.Unresolved(false, r.Span, "default_action") : Value<bool>.Defaulted(false, r.Span, "default_action"))
                : new Value<bool>(string.Equals(protocol.Current, "HTTPS", StringComparison.OrdinalIgnoreCase), protocol.Origin, protocol.Span, protocol.Path),
        };
    }

    private static EcrRepository Repository(Target r, PropertyReader p) => new()
    {
        Address = r.Address, Kind = r.Type, Span = r.Span, SourceFormat = r.Format,
        Name = p.String("name"),
        ScanOnPush = p.BlockOrEmpty("image_scanning_configuration").Bool("scan_on_push", false),
        TagMutability = p.RequiredString("image_tag_mutability", "MUTABLE"),
        HasLifecyclePolicy = Value<bool>.Defaulted(false, r.Span, "aws_ecr_lifecycle_policy"),
        EncryptionType = p.BlockOrEmpty("encryption_configuration").RequiredString("encryption_type", "AES256"),
    };

    private static EksCluster EksCluster(Target r, PropertyReader p)
    {
        var vpc = p.BlockOrEmpty("vpc_config");
        var secrets = p.Blocks("encryption_config").FirstOrDefault(e => e.Strings("resources").Any(v => v.Current == "secrets"));
        var logTypes = p.Strings("enabled_cluster_log_types");
        return new EksCluster
        {
            Address = r.Address, Kind = r.Type, Span = r.Span, SourceFormat = r.Format,
            EndpointPublicAccess = vpc.Bool("endpoint_public_access", true),
            EndpointPrivateAccess = vpc.Bool("endpoint_private_access", false),
            PublicAccessCidrs = vpc.Strings("public_access_cidrs"),
            PublicAccessCidrsDeclared = vpc.Has("public_access_cidrs") ? Value<bool>.Explicit(true, vpc.Get("public_access_cidrs")!.Span, vpc.PathOf("public_access_cidrs")) : Value<bool>.Defaulted(false, vpc.Anchor, vpc.PathOf("public_access_cidrs")),
            EnabledLogTypes = logTypes,
            LoggingDeclared = p.Has("enabled_cluster_log_types") ? Value<bool>.Explicit(true, p.Get("enabled_cluster_log_types")!.Span, "enabled_cluster_log_types") : Value<bool>.Defaulted(false, r.Span, "enabled_cluster_log_types"),
            SecretsEncrypted = secrets is null ? Value<bool>.Defaulted(false, r.Span, "encryption_config") : Value<bool>.Explicit(true, secrets.Anchor, secrets.Prefix),
        };
    }

    private static EksNodeGroup NodeGroup(Target r, PropertyReader p)
    {
        var remote = p.Block("remote_access");
        return new EksNodeGroup
        {
            Address = r.Address, Kind = r.Type, Span = r.Span, SourceFormat = r.Format,
            SshKey = (remote ?? p.BlockOrEmpty("remote_access")).String("ec2_ssh_key"),
            SshSourceSecurityGroups = remote?.Strings("source_security_group_ids") ?? [],
            RemoteAccessDeclared = remote is null ? Value<bool>.Defaulted(false, r.Span, "remote_access") : Value<bool>.Explicit(true, remote.Anchor, remote.Prefix),
        };
    }

    private static MetricFilter MetricFilter(Target r, PropertyReader p)
    {
        var transformation = p.BlockOrEmpty("metric_transformation");
        return new MetricFilter
        {
            Address = r.Address, Kind = r.Type, Span = r.Span, SourceFormat = r.Format,
            LogGroup = p.String("log_group_name"),
            Pattern = p.String("pattern"),
            MetricName = transformation.String("name"),
            MetricNamespace = transformation.String("namespace"),
        };
    }

    private static IamPolicy Policy(Target r, PropertyReader p, bool managed, ImmutableArray<Value<string>> roles, ImmutableArray<Value<string>> users, ImmutableArray<Value<string>> groups) => new()
    {
        Address = r.Address, Kind = r.Type, Span = r.Span, SourceFormat = r.Format,
        Managed = managed,
        Document = PolicyDocumentReader.Read(p.Get("policy"), "policy"),
        Roles = roles,
        Users = users,
        Groups = groups,
    };

    private sealed record Target(string Address, string Type, string Format, SourceSpan Span);
}
