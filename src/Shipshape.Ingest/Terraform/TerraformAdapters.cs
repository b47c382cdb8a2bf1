using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Core.Model;
using Shipshape.Ingest.Aws;
using Shipshape.Ingest.Iam;
using Shipshape.Ingest.Syntax;

namespace Shipshape.Ingest.Terraform;

/// <summary>
/// Translates evaluated AWS provider resources (HCL or plan JSON, as the positioned tree) for the shared builders in
/// <c>Aws/</c>, one method per resource type: attribute names, blocks, one rule per CIDR, and the internal flag. The
/// builders decide every default, so a resource reads the same here as in CloudFormation. Resources that only attach something to another resource
/// (aws_ecr_lifecycle_policy, aws_iam_role_policy_attachment, …) are folded into their target by <see cref="Link"/>;
/// a repository policy stays its own resource, because checks name it and it may sit apart from its repository.
/// </summary>
public static class TerraformAdapters
{
    private static readonly ImmutableHashSet<string> Types =
    [
        "aws_ecs_service", "aws_ecs_cluster", "aws_ecs_capacity_provider",
        "aws_security_group", "aws_default_security_group", "aws_vpc", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule",
        "aws_lb", "aws_alb", "aws_lb_listener", "aws_alb_listener", "aws_elb", "aws_load_balancer_policy",
        "aws_wafv2_web_acl_association", "aws_wafregional_web_acl_association",
        "aws_instance", "aws_launch_template", "aws_launch_configuration",
        "aws_ecr_repository", "aws_ecr_repository_policy", "aws_ecr_lifecycle_policy",
        "aws_eks_cluster", "aws_eks_node_group", "aws_eks_pod_identity_association", "aws_cloudtrail", "aws_cloudwatch_log_group",
        "aws_cloudwatch_log_metric_filter", "aws_cloudwatch_metric_alarm", "aws_sns_topic",
        "aws_cloudtrail_event_data_store", "aws_cloudwatch_log_destination_policy",
        "aws_secretsmanager_secret", "aws_secretsmanager_secret_rotation", "aws_ssm_parameter", "aws_kms_key", "aws_kms_key_policy",
        "aws_efs_file_system", "aws_efs_access_point", "aws_iam_role", "aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy",
        "aws_iam_group_policy", "aws_iam_role_policy_attachment", "aws_iam_user", "aws_iam_group", "aws_iam_access_key", "aws_iam_user_login_profile",
        "aws_iam_instance_profile", "aws_iam_policy_attachment", "aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment",
        "aws_ssoadmin_permission_set_inline_policy", "aws_ssoadmin_managed_policy_attachment", "aws_iam_account_password_policy", AwsProviderType,
    ];

    /// <summary>The type under which the module reader hands over a provider "aws" block.</summary>
    public const string AwsProviderType = "provider.aws";

    /// <summary>Whether the type is one this class maps (aws_ecs_task_definition has its own mapper).</summary>
    public static bool Handles(string type) => Types.Contains(type) || PasswordProperties.Handles(type);

    public static IEnumerable<Resource> Adapt(string address, string type, MappingNode attributes, string format, SourceSpan span)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var p = new PropertyReader(attributes, span, string.Empty);
        var r = new ResourceIdentity(address, type, span, format);
        return PasswordProperties.Handles(type) ? [.. AdaptType(r, p, type), .. PasswordProperties.Read(r, p)] : AdaptType(r, p, type);
    }

    private static IEnumerable<Resource> AdaptType(ResourceIdentity r, PropertyReader p, string type)
    {
        return type switch
        {
            "aws_ecs_service" => [Service(r, p)],
            "aws_ecs_cluster" => [Cluster(r, p)],
            "aws_ecs_capacity_provider" => [CapacityProvider(r, p)],
            "aws_security_group" => [SecurityGroup(r, p)],
            "aws_default_security_group" => [DefaultSecurityGroup(r, p)],
            "aws_vpc" => [SecurityGroupBuilder.Vpc(r, defaultSecurityGroupManageable: true)],
            "aws_security_group_rule" => Rules(r, p, p.String("type").Current != "egress", p.String("security_group_id"), string.Empty),
            "aws_vpc_security_group_ingress_rule" or "aws_vpc_security_group_egress_rule" => [VpcRule(r, p, type.EndsWith("ingress_rule", StringComparison.Ordinal))],
            "aws_lb" or "aws_alb" => [LoadBalancer(r, p)],
            "aws_lb_listener" or "aws_alb_listener" => [Listener(r, p)],
            "aws_elb" => [ClassicLoadBalancer(r, p)],
            "aws_wafv2_web_acl_association" or "aws_wafregional_web_acl_association" => [WebAclAssociationBuilder.Build(r, p.String("resource_arn"))],
            "aws_instance" or "aws_launch_template" or "aws_launch_configuration" => [Instance(r, p, launchTemplate: type == "aws_instance" && p.Has("launch_template"))],
            "aws_load_balancer_policy" => [ClassicLoadBalancerBuilder.Policy(
                r,
                string.Empty,
                p.String("policy_name"),
                p.String("policy_type_name"),
                p.String("load_balancer_name"),
                p.Blocks("policy_attribute").Select(a => new PolicyAttribute(a.String("name"), a.String("value"))))],
            "aws_ecr_repository" => [Repository(r, p)],
            "aws_ecr_repository_policy" => [new EcrRepositoryPolicy
            {
                Address = r.Address, Kind = r.Kind, Span = r.Span, SourceFormat = r.SourceFormat,
                Repository = p.String("repository"),
                Policy = PolicyDocumentReader.Read(p.Get("policy"), "policy"),
            }],
            AwsProviderType => [Provider(r, p)],
            "aws_iam_account_password_policy" => [new IamPasswordPolicy
            {
                Address = r.Address, Kind = r.Kind, Span = r.Span, SourceFormat = r.SourceFormat,
                // IAM UpdateAccountPasswordPolicy: "If you do not specify a value for this parameter, then the operation
                // uses the default value of 8" for the length, false for each character class, no reuse prevention.
                MinimumLength = p.Int("minimum_password_length") is { IsDefaulted: true } length ? length with { Current = 8 } : p.Int("minimum_password_length"),
                RequireUppercase = p.OptionalBool("require_uppercase_characters"),
                RequireLowercase = p.OptionalBool("require_lowercase_characters"),
                RequireNumbers = p.OptionalBool("require_numbers"),
                RequireSymbols = p.OptionalBool("require_symbols"),
                ReusePrevention = p.Int("password_reuse_prevention"),
            }],
            "aws_eks_cluster" => [EksCluster(r, p)],
            "aws_eks_node_group" => [NodeGroup(r, p)],
            "aws_eks_pod_identity_association" => [EksPodIdentityAssociationBuilder.Build(
                r, p.String("cluster_name"), p.String("namespace"), p.String("service_account"), p.String("role_arn"))],
            "aws_cloudtrail" => [TrailBuilder.Build(
                r,
                isLogging: p.OptionalBool("enable_logging"),
                multiRegion: p.OptionalBool("is_multi_region_trail"),
                logFileValidation: p.OptionalBool("enable_log_file_validation"),
                cloudWatchLogsGroup: p.String("cloud_watch_logs_group_arn"),
                kmsKey: p.String("kms_key_id"),
                snsTopic: p.String("sns_topic_name"))],
            "aws_cloudtrail_event_data_store" => [EventDataStoreBuilder.Build(r, p.String("kms_key_id"))],
            "aws_cloudwatch_log_destination_policy" => [LogDestinationBuilder.Build(r, PolicyDocumentReader.Read(p.Get("access_policy"), "access_policy"))],
            "aws_cloudwatch_log_group" => [LogGroupBuilder.Build(r, p.String("name"), p.Int("retention_in_days"), p.String("kms_key_id"))],
            "aws_cloudwatch_log_metric_filter" => [MetricFilter(r, p)],
            "aws_cloudwatch_metric_alarm" => [AlarmBuilder.Build(r, p.String("metric_name"), p.String("namespace"), p.Strings("alarm_actions"), p.OptionalBool("actions_enabled"))],
            "aws_sns_topic" => [SnsTopicBuilder.Build(r, p.String("kms_master_key_id"))],
            // A rotation is its own resource, folded in by Link.
            "aws_secretsmanager_secret" => [SecretBuilder.Build(r, p.String("name"), p.String("kms_key_id"), Raw.Absent(r.Span, "aws_secretsmanager_secret_rotation"))],
            "aws_ssm_parameter" => [SsmParameterBuilder.Build(r, p.String("name"), p.String("type"), p.Has("value") ? p.String("value") : p.String("insecure_value"))],
            "aws_kms_key" => [KmsKeyBuilder.Build(
                r,
                p.String("customer_master_key_spec"),
                p.OptionalBool("enable_key_rotation"),
                PolicyDocumentReader.Read(p.Get("policy"), "policy"),
                p.Presence("policy"),
                p.OptionalBool("is_enabled"))],
            "aws_efs_access_point" => [EfsAccessPointBuilder.Build(r, p.BlockOrEmpty("root_directory").String("path"), p.Block("posix_user") is { } user ? Raw.Present(user.Anchor, user.Prefix) : Raw.Absent(r.Span, "posix_user"))],
            "aws_efs_file_system" => [EfsFileSystemBuilder.Build(r, p.OptionalBool("encrypted"), p.String("kms_key_id"))],
            "aws_iam_role" => [IamRoleBuilder.Build(
                r,
                p.String("name"),
                PolicyDocumentReader.Read(p.Get("assume_role_policy"), "assume_role_policy"),
                [.. p.Blocks("inline_policy").Select(b => PolicyDocumentReader.Read(b.Get("policy"), b.PathOf("policy"))).OfType<PolicyDocument>()],
                p.Strings("managed_policy_arns"))],
            "aws_iam_policy" => [Policy(r, p, managed: true, roles: [], users: [], groups: [])],
            "aws_iam_role_policy" => [Policy(r, p, managed: false, roles: p.Strings("role"), users: [], groups: [])],
            "aws_iam_user_policy" => [Policy(r, p, managed: false, roles: [], users: p.Strings("user"), groups: [])],
            "aws_iam_group_policy" => [Policy(r, p, managed: false, roles: [], users: [], groups: p.Strings("group"))],
            // Attachments of a managed policy by ARN: the document lives elsewhere, the attachment is what rules about
            // who holds a policy (users directly, say) need.
            "aws_iam_policy_attachment" => [Attachment(r, p, "policy_arn", roles: p.Strings("roles"), users: p.Strings("users"), groups: p.Strings("groups"))],
            "aws_ssoadmin_managed_policy_attachment" => [Attachment(r, p, "managed_policy_arn", roles: [], users: [], groups: [])],
            "aws_ssoadmin_permission_set_inline_policy" => [IamPolicyBuilder.Build(r, managed: false, PolicyDocumentReader.Read(p.Get("inline_policy"), "inline_policy"), [], [], [])],
            "aws_iam_user_policy_attachment" => [Attachment(r, p, "policy_arn", roles: [], users: p.Strings("user"), groups: [])],
            "aws_iam_group_policy_attachment" => [Attachment(r, p, "policy_arn", roles: [], users: [], groups: p.Strings("group"))],
            "aws_iam_user" or "aws_iam_group" or "aws_iam_instance_profile" => [IamPrincipalBuilder.Build(
                r,
                type switch { "aws_iam_user" => "User", "aws_iam_group" => "Group", _ => "InstanceProfile" },
                inlinePolicies: [],
                managedPolicies: [],
                roles: p.Strings("role"))],
            "aws_iam_access_key" => [IamAccessKeyBuilder.Build(r, p.String("user"), p.String("status"))],
            "aws_iam_user_login_profile" => [IamPrincipalBuilder.LoginProfile(r, p.String("user"))],
            _ => [],
        };
    }

    /// <summary>
    /// Folds attachment resources into their targets: lifecycle policies into repositories, rotations
    /// into secrets, policy attachments into roles; then lets listeners take their load balancer's type. The attachment's target is a link (or, in a plan, a name).
    /// </summary>
    public static ImmutableArray<Resource> Link(IEnumerable<Resource> resources, IEnumerable<(string Type, string Address, MappingNode Attributes, SourceSpan Span)> attachments, string format)
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
                    // The schedule stays a resource too: its interval is checked on it.
                    var rules = p.BlockOrEmpty("rotation_rules");
                    list.Add(SecretRotationBuilder.Build(new ResourceIdentity(address, type, span, format), p.String("secret_id"), rules.Int("automatically_after_days"), rules.String("schedule_expression")));
                    break;
                case "aws_kms_key_policy":
                    // KMS PutKeyPolicy: the policy replaces the key's own, default or written.
                    Update<KmsKey>(list, p.String("key_id"), key => key with
                    {
                        KeyPolicy = PolicyDocumentReader.Read(p.Get("policy"), "policy"),
                        KeyPolicyDeclared = Value<bool>.Explicit(true, span, address),
                    });
                    break;
                case "aws_iam_role_policy_attachment":
                    var arn = p.String("policy_arn");
                    Update<IamRole>(list, p.String("role"), role => role with
                    {
                        ManagedPolicies = role.ManagedPolicies.Add(new Value<string>(arn.Current ?? string.Empty, arn.Origin, arn.Span, arn.Path) { Reference = arn.Reference }),
                    });
                    // The attachment stays a resource too, as the user and group attachments are: checks name it.
                    list.Add(Attachment(new ResourceIdentity(address, type, span, format), p, "policy_arn", roles: p.Strings("role"), users: [], groups: []));
                    break;
            }
        }

        return ListenerBuilder.WithLoadBalancerTypes(list);
    }

    /// <summary>Attachment types, which <see cref="Link"/> consumes instead of mapping on their own.</summary>
    public static bool IsAttachment(string type) =>
        type is "aws_ecr_lifecycle_policy" or "aws_secretsmanager_secret_rotation" or "aws_iam_role_policy_attachment" or "aws_kms_key_policy";

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

    private static EcsService Service(ResourceIdentity r, PropertyReader p)
    {
        var network = p.BlockOrEmpty("network_configuration");
        return EcsServiceBuilder.Build(
            r,
            isTaskSet: false,
            cluster: p.String("cluster"),
            taskDefinition: p.String("task_definition"),
            launchType: p.String("launch_type"),
            platformVersion: p.String("platform_version"),
            assignPublicIp: network.OptionalBool("assign_public_ip"),
            securityGroups: network.Strings("security_groups"),
            enableExecuteCommand: p.OptionalBool("enable_execute_command"),
            loadBalancers: [.. p.Blocks("load_balancer").Select(lb => new ServiceLoadBalancer(lb.String("container_name"), lb.Int("container_port"), lb.String("target_group_arn")))],
            role: p.String("iam_role"),
            desiredCount: p.Int("desired_count"),
            schedulingStrategy: p.String("scheduling_strategy"),
            serviceConnectEnabled: p.Blocks("service_connect_configuration").FirstOrDefault()?.OptionalBool("enabled"),
            serviceConnectServices: [.. p.Blocks("service_connect_configuration").Take(1).SelectMany(c => c.Blocks("service"))
                .Select(s => new ServiceConnectService(s.String("port_name"), s.Presence("tls"), s.Anchor, s.Prefix))]);
    }

    private static EcsCluster Cluster(ResourceIdentity r, PropertyReader p)
    {
        var insights = Value<string?>.Defaulted(null, r.Span, "setting");
        foreach (var setting in p.Blocks("setting"))
        {
            if (setting.String("name").Current == "containerInsights")
            {
                insights = setting.String("value");
            }
        }

        var configuration = p.BlockOrEmpty("configuration");
        var exec = configuration.BlockOrEmpty("execute_command_configuration");
        var logs = exec.BlockOrEmpty("log_configuration");
        return EcsClusterBuilder.Build(
            r, insights, exec.String("logging"), exec.String("kms_key_id"),
            configuration.Presence("execute_command_configuration"), logs.OptionalBool("cloud_watch_encryption_enabled"), logs.OptionalBool("s3_bucket_encryption_enabled"));
    }

    private static EcsCapacityProvider CapacityProvider(ResourceIdentity r, PropertyReader p)
    {
        var asg = p.BlockOrEmpty("auto_scaling_group_provider");
        return EcsCapacityProviderBuilder.Build(
            r,
            asg.String("auto_scaling_group_arn"),
            asg.String("managed_termination_protection"),
            asg.BlockOrEmpty("managed_scaling").String("status"));
    }

    private static SecurityGroup SecurityGroup(ResourceIdentity r, PropertyReader p)
    {
        var group = Value<string?>.Explicit(r.Address, r.Span, "id");
        var rules = p.Blocks("ingress").SelectMany(b => Rules(r, b, true, group, b.Prefix))
            .Concat(p.Blocks("egress").SelectMany(b => Rules(r, b, false, group, b.Prefix)));
        return SecurityGroupBuilder.Build(r, p.String("description"), rules);
    }

    private static SecurityGroup DefaultSecurityGroup(ResourceIdentity r, PropertyReader p)
    {
        var group = Value<string?>.Explicit(r.Address, r.Span, "id");
        var rules = p.Blocks("ingress").SelectMany(b => Rules(r, b, true, group, b.Prefix))
            .Concat(p.Blocks("egress").SelectMany(b => Rules(r, b, false, group, b.Prefix)));
        return SecurityGroupBuilder.Default(r, p.String("vpc_id"), rules);
    }

    /// <summary>
    /// One model rule per CIDR of a Terraform rule (cidr_blocks and ipv6_cidr_blocks are lists); a rule naming
    /// only security groups or prefix lists is one rule with a peer.
    /// </summary>
    private static IEnumerable<SecurityGroupRule> Rules(ResourceIdentity r, PropertyReader p, bool ingress, Value<string?> group, string path)
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

    private static SecurityGroupRule Rule(ResourceIdentity r, PropertyReader p, bool ingress, Value<string?> group, string path, Value<string?> v4, Value<string?> v6, Value<string?> peer) =>
        SecurityGroupRuleBuilder.Build(r, ingress, group, path, p.String("protocol"), p.Int("from_port"), p.Int("to_port"), v4, v6, peer, p.String("description"));

    private static SecurityGroupRule VpcRule(ResourceIdentity r, PropertyReader p, bool ingress) =>
        SecurityGroupRuleBuilder.Build(
            r,
            ingress,
            group: p.String("security_group_id"),
            path: string.Empty,
            protocol: p.String("ip_protocol"),
            fromPort: p.Int("from_port"),
            toPort: p.Int("to_port"),
            cidrIpv4: p.String("cidr_ipv4"),
            cidrIpv6: p.String("cidr_ipv6"),
            peer: p.Has("referenced_security_group_id") ? p.String("referenced_security_group_id") : p.String("prefix_list_id"),
            description: p.String("description"));

    private static Value<string?> Nullable(Value<string> value) =>
        new(value.Current, value.Origin, value.Span, value.Path) { Reference = value.Reference, ReferenceAttribute = value.ReferenceAttribute };

    private static LoadBalancer LoadBalancer(ResourceIdentity r, PropertyReader p)
    {
        return LoadBalancerBuilder.Build(
            r,
            p.String("load_balancer_type"),
            Scheme(p),
            p.Strings("security_groups"),
            dropInvalidHeaderFields: p.OptionalBool("drop_invalid_header_fields"),
            desyncMitigationMode: p.String("desync_mitigation_mode"),
            accessLogs: p.BlockOrEmpty("access_logs").OptionalBool("enabled"),
            deletionProtection: p.OptionalBool("enable_deletion_protection"),
            crossZone: p.OptionalBool("enable_cross_zone_load_balancing"));
    }

    /// <summary>The provider spells the scheme as a flag (internal); the builders take the scheme.</summary>
    private static Value<string?> Scheme(PropertyReader p)
    {
        var internalFlag = p.OptionalBool("internal");
        return new Value<string?>(internalFlag.Current switch { true => "internal", false => "internet-facing", null => null }, internalFlag.Origin, internalFlag.Span, internalFlag.Path)
        {
            Reference = internalFlag.Reference,
            ReferenceAttribute = internalFlag.ReferenceAttribute,
        };
    }

    /// <param name="launchTemplate">Whether the instance starts from a launch template, whose metadata options then apply.</param>
    private static Ec2InstanceConfiguration Instance(ResourceIdentity r, PropertyReader p, bool launchTemplate)
    {
        var options = p.BlockOrEmpty("metadata_options");
        var tokens = options.String("http_tokens");
        return Ec2InstanceConfigurationBuilder.Build(
            r,
            launchTemplate && tokens.IsDefaulted ? Value<string?>.Unresolved(null, tokens.Span, "launch_template") : tokens,
            options.String("http_endpoint"),
            options.Int("http_put_response_hop_limit"),
            p.Has("user_data_base64") ? p.String("user_data_base64") : p.String("user_data"));
    }

    private static ClassicLoadBalancer ClassicLoadBalancer(ResourceIdentity r, PropertyReader p)
    {
        // aws_elb access_logs: "enabled - (Optional) Boolean to enable / disable access_logs. Default is true", so a
        // block without the flag is the provider sending Enabled = true for the block the configuration wrote.
        var logs = p.Block("access_logs");
        var accessLogs = logs is null
            ? Value<bool?>.Defaulted(null, r.Span, "access_logs")
            : logs.Has("enabled") ? logs.OptionalBool("enabled") : Value<bool?>.Explicit(true, logs.Anchor, logs.Prefix);
        return ClassicLoadBalancerBuilder.Build(
            r,
            Scheme(p),
            p.Blocks("listener").Select(l => ClassicLoadBalancerBuilder.Listener(
                l.Prefix, l.String("lb_protocol"), l.Int("lb_port"), l.String("instance_protocol"), l.String("ssl_certificate_id"), [])),
            [],
            accessLogs,
            p.String("desync_mitigation_mode"),
            p.Strings("security_groups"),
            // aws_elb: "cross_zone_load_balancing - (Optional) Enable cross-zone load balancing. Default: true", so an
            // absent argument is the provider sending Enabled = true, as with access_logs above.
            p.Has("cross_zone_load_balancing") ? p.OptionalBool("cross_zone_load_balancing") : Value<bool?>.Explicit(true, r.Span, "cross_zone_load_balancing"));
    }

    private static Listener Listener(ResourceIdentity r, PropertyReader p)
    {
        var blocks = p.Blocks("default_action").ToList();
        var actions = p.Get("default_action") switch
        {
            null => Raw.Absent(r.Span, "default_action"),
            // Declared but no block came out (an unknown dynamic block, an unknown list in a plan): unknown.
            var declared when blocks.Count == 0 => Value<bool?>.Unresolved(null, declared.Span, "default_action"),
            var declared => Raw.Present(declared.Span, "default_action"),
        };
        return ListenerBuilder.Build(
            r,
            loadBalancer: p.String("load_balancer_arn"),
            protocol: p.String("protocol"),
            port: p.Int("port"),
            sslPolicy: p.String("ssl_policy"),
            actions,
            [.. blocks.Select(a => new ListenerAction(a.String("type"), a.BlockOrEmpty("redirect").String("protocol")))]);
    }

    private static EcrRepository Repository(ResourceIdentity r, PropertyReader p) =>
        EcrRepositoryBuilder.Build(
            r,
            name: p.String("name"),
            scanOnPush: p.BlockOrEmpty("image_scanning_configuration").OptionalBool("scan_on_push"),
            tagMutability: p.String("image_tag_mutability"),
            // A lifecycle policy is its own resource, folded in by Link.
            lifecyclePolicy: Raw.Absent(r.Span, "aws_ecr_lifecycle_policy"),
            encryptionType: p.BlockOrEmpty("encryption_configuration").String("encryption_type"),
            repositoryPolicy: null);

    /// <summary>
    /// AWS provider: "Static credentials can be provided by adding an access_key and secret_key in-line in the AWS
    /// provider block"; a provider that sets endpoints and skip_credentials_validation talks to an emulator.
    /// </summary>
    private static AwsProviderConfiguration Provider(ResourceIdentity r, PropertyReader p)
    {
        var skip = p.OptionalBool("skip_credentials_validation");
        var endpoints = p.Blocks("endpoints").ToList();
        return new AwsProviderConfiguration
        {
            Address = r.Address,
            Kind = "provider",
            Span = r.Span,
            SourceFormat = r.SourceFormat,
            AccessKey = p.String("access_key"),
            SecretKey = p.String("secret_key"),
            Token = p.String("token"),
            Emulated = new Value<bool>(skip.Current == true && endpoints.Count > 0, skip.Origin, skip.Span, skip.Path),
        };
    }

    private static EksCluster EksCluster(ResourceIdentity r, PropertyReader p)
    {
        var vpc = p.BlockOrEmpty("vpc_config");
        var secrets = p.Blocks("encryption_config").FirstOrDefault(e => e.Strings("resources").Any(v => v.Current == "secrets"));
        return EksClusterBuilder.Build(
            r,
            endpointPublicAccess: vpc.OptionalBool("endpoint_public_access"),
            endpointPrivateAccess: vpc.OptionalBool("endpoint_private_access"),
            publicAccessCidrs: vpc.Strings("public_access_cidrs"),
            publicAccessCidrsDeclared: vpc.Presence("public_access_cidrs"),
            enabledLogTypes: p.Strings("enabled_cluster_log_types"),
            loggingDeclared: p.Has("enabled_cluster_log_types") ? Raw.Present(p.Get("enabled_cluster_log_types")!.Span, "enabled_cluster_log_types") : Raw.Absent(r.Span, "enabled_cluster_log_types"),
            secretsEncrypted: secrets is null ? Raw.Absent(r.Span, "encryption_config") : Raw.Present(secrets.Anchor, secrets.Prefix),
            version: p.String("version"));
    }

    private static EksNodeGroup NodeGroup(ResourceIdentity r, PropertyReader p)
    {
        var remote = p.Block("remote_access");
        return EksNodeGroupBuilder.Build(
            r,
            sshKey: (remote ?? p.BlockOrEmpty("remote_access")).String("ec2_ssh_key"),
            sshSourceSecurityGroups: remote?.Strings("source_security_group_ids") ?? [],
            remoteAccess: remote is null ? Raw.Absent(r.Span, "remote_access") : Raw.Present(remote.Anchor, remote.Prefix));
    }

    private static MetricFilter MetricFilter(ResourceIdentity r, PropertyReader p)
    {
        var transformation = p.BlockOrEmpty("metric_transformation");
        return MetricFilterBuilder.Build(r, p.String("log_group_name"), p.String("pattern"), transformation.String("name"), transformation.String("namespace"));
    }

    /// <summary>An attachment of a managed policy by ARN: the document lives elsewhere; the ARN and the targets are what checks need.</summary>
    private static IamPolicy Attachment(ResourceIdentity r, PropertyReader p, string arnKey, ImmutableArray<Value<string>> roles, ImmutableArray<Value<string>> users, ImmutableArray<Value<string>> groups) =>
        IamPolicyBuilder.Build(r, managed: true, document: null, roles, users, groups, p.String(arnKey));

    private static IamPolicy Policy(ResourceIdentity r, PropertyReader p, bool managed, ImmutableArray<Value<string>> roles, ImmutableArray<Value<string>> users, ImmutableArray<Value<string>> groups) =>
        IamPolicyBuilder.Build(r, managed, PolicyDocumentReader.Read(p.Get("policy"), "policy"), roles, users, groups);
}
