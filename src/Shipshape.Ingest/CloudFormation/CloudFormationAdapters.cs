using System.Collections.Immutable;
using Shipshape.Core.Model;
using Shipshape.Ingest.Aws;
using Shipshape.Ingest.Ecs;
using Shipshape.Ingest.Iam;
using Shipshape.Ingest.Syntax;

namespace Shipshape.Ingest.CloudFormation;

/// <summary>
/// Translates resolved CloudFormation resources for the shared builders in <c>Aws/</c>, one method per resource type:
/// property names, nesting and the ENABLED/DISABLED spellings only. The builders decide every default, so a
/// resource reads the same here as in Terraform; ECS task definitions go through the shared ECS adapter.
/// </summary>
internal static class CloudFormationAdapters
{
    private static readonly EcsTaskDefinitionAdapter TaskDefinitions = new(pascalCase: true);

    /// <summary>The resource's model records, and one record per password property it sets (for any type that has them).</summary>
    public static IEnumerable<Resource> Adapt(CfnResource r) =>
        PasswordProperties.Handles(r.Type) ? [.. AdaptType(r), .. PasswordProperties.Read(Id(r), r.Properties)] : AdaptType(r);

    private static IEnumerable<Resource> AdaptType(CfnResource r) => r.Type switch
    {
        "AWS::ECS::TaskDefinition" => [TaskDefinitions.Adapt(r.Properties.Node, r.LogicalId, r.Type, CfnResource.Format, r.Span)],
        "AWS::Batch::JobDefinition" => [TaskDefinitions.AdaptBatch(r.Properties.Child("ContainerProperties")?.Node, r.Properties.PathOf("ContainerProperties"), r.LogicalId, r.Type, CfnResource.Format, r.Span)],
        "AWS::ECS::Service" or "AWS::ECS::TaskSet" => [Service(r)],
        "AWS::ECS::Cluster" => [Cluster(r)],
        "AWS::ECS::CapacityProvider" => [CapacityProvider(r)],
        "AWS::EC2::SecurityGroup" => [SecurityGroup(r)],
        "AWS::EC2::VPC" => [SecurityGroupBuilder.Vpc(Id(r), defaultSecurityGroupManageable: false)],
        "AWS::EC2::SecurityGroupIngress" => [Rule(r, r.Properties, ingress: true, r.Properties.String("GroupId"), r.Properties.Prefix)],
        "AWS::EC2::SecurityGroupEgress" => [Rule(r, r.Properties, ingress: false, r.Properties.String("GroupId"), r.Properties.Prefix)],
        "AWS::ElasticLoadBalancingV2::LoadBalancer" => [LoadBalancer(r)],
        "AWS::ElasticLoadBalancingV2::Listener" => [Listener(r)],
        "AWS::ElasticLoadBalancing::LoadBalancer" => [ClassicLoadBalancer(r)],
        "AWS::WAFv2::WebACLAssociation" or "AWS::WAFRegional::WebACLAssociation" => [WebAclAssociationBuilder.Build(Id(r), r.Properties.String("ResourceArn"))],
        "AWS::EC2::Instance" => [Instance(r, r.Properties, metadata: null, launchTemplate: r.Properties.Has("LaunchTemplate"))],
        "AWS::EC2::LaunchTemplate" => [Instance(r, r.Properties.ChildOrEmpty("LaunchTemplateData"), r.Properties.ChildOrEmpty("LaunchTemplateData").ChildOrEmpty("MetadataOptions"), launchTemplate: false)],
        "AWS::AutoScaling::LaunchConfiguration" => [Instance(r, r.Properties, r.Properties.ChildOrEmpty("MetadataOptions"), launchTemplate: false)],
        "AWS::ECR::Repository" => [Repository(r)],
        "AWS::EKS::Cluster" => [EksCluster(r)],
        "AWS::EKS::Nodegroup" => [NodeGroup(r)],
        "AWS::EKS::PodIdentityAssociation" => [EksPodIdentityAssociationBuilder.Build(
            Id(r), r.Properties.String("ClusterName"), r.Properties.String("Namespace"), r.Properties.String("ServiceAccount"), r.Properties.String("RoleArn"))],
        "AWS::CloudTrail::Trail" => [Trail(r)],
        "AWS::Logs::LogGroup" => [LogGroup(r)],
        "AWS::Logs::MetricFilter" => [MetricFilter(r)],
        "AWS::CloudWatch::Alarm" => [Alarm(r)],
        "AWS::CloudTrail::EventDataStore" => [EventDataStoreBuilder.Build(Id(r), r.Properties.String("KmsKeyId"))],
        "AWS::Logs::Destination" => [LogDestinationBuilder.Build(Id(r), PolicyDocumentReader.Read(r.Properties.Get("DestinationPolicy"), r.Properties.PathOf("DestinationPolicy")))],
        "AWS::SNS::Topic" => [SnsTopicBuilder.Build(Id(r), r.Properties.String("KmsMasterKeyId"))],
        "AWS::SecretsManager::Secret" => [Secret(r)],
        "AWS::SSM::Parameter" => [Parameter(r)],
        "AWS::KMS::Key" => [Key(r)],
        "AWS::EFS::AccessPoint" => [EfsAccessPointBuilder.Build(Id(r), r.Properties.ChildOrEmpty("RootDirectory").String("Path"), r.Properties.Presence("PosixUser"))],
        "AWS::SecretsManager::RotationSchedule" => [SecretRotation(r)],
        "AWS::EFS::FileSystem" => [EfsFileSystemBuilder.Build(Id(r), r.Properties.OptionalBool("Encrypted"), r.Properties.String("KmsKeyId"))],
        "AWS::IAM::Role" => [Role(r)],
        "AWS::IAM::Policy" or "AWS::IAM::ManagedPolicy" => [Policy(r)],
        "AWS::IAM::User" or "AWS::IAM::Group" or "AWS::IAM::InstanceProfile" => [Principal(r)],
        "AWS::IAM::AccessKey" => [IamAccessKeyBuilder.Build(Id(r), r.Properties.String("UserName"), r.Properties.String("Status"))],
        _ => [],
    };

    private static ResourceIdentity Id(CfnResource r) => new(r.LogicalId, r.Type, r.Span, CfnResource.Format);

    private static EcsService Service(CfnResource r)
    {
        var p = r.Properties;
        var awsvpc = p.ChildOrEmpty("NetworkConfiguration").ChildOrEmpty("AwsvpcConfiguration");
        var assign = awsvpc.String("AssignPublicIp");
        return EcsServiceBuilder.Build(
            Id(r),
            isTaskSet: r.Type == "AWS::ECS::TaskSet",
            cluster: p.String("Cluster"),
            taskDefinition: p.String("TaskDefinition"),
            launchType: p.String("LaunchType"),
            platformVersion: p.String("PlatformVersion"),
            // CloudFormation spells the flag ENABLED/DISABLED; the builder takes it as a flag.
            assignPublicIp: new Value<bool?>(assign.IsExplicit ? string.Equals(assign.Current, "ENABLED", StringComparison.OrdinalIgnoreCase) : null, assign.Origin, assign.Span, assign.Path)
            {
                Reference = assign.Reference,
                ReferenceAttribute = assign.ReferenceAttribute,
            },
            securityGroups: awsvpc.Strings("SecurityGroups"),
            enableExecuteCommand: p.OptionalBool("EnableExecuteCommand"),
            loadBalancers: [.. p.Objects("LoadBalancers").Select(lb => new ServiceLoadBalancer(lb.String("ContainerName"), lb.Int("ContainerPort"), lb.String("TargetGroupArn")))],
            role: p.String("Role"),
            desiredCount: p.Int("DesiredCount"),
            schedulingStrategy: p.String("SchedulingStrategy"),
            serviceConnectEnabled: p.ChildOrEmpty("ServiceConnectConfiguration").OptionalBool("Enabled"),
            serviceConnectServices: [.. p.ChildOrEmpty("ServiceConnectConfiguration").Objects("Services")
                .Select(s => new ServiceConnectService(s.String("PortName"), s.Presence("Tls"), s.Anchor, s.Prefix))]);
    }

    private static EcsCluster Cluster(CfnResource r)
    {
        var p = r.Properties;
        var insights = Value<string?>.Defaulted(null, r.Span, p.PathOf("ClusterSettings"));
        foreach (var setting in p.Objects("ClusterSettings"))
        {
            if (setting.String("Name").Current == "containerInsights")
            {
                insights = setting.String("Value");
            }
        }

        var configuration = p.ChildOrEmpty("Configuration");
        var exec = configuration.ChildOrEmpty("ExecuteCommandConfiguration");
        var logs = exec.ChildOrEmpty("LogConfiguration");
        return EcsClusterBuilder.Build(
            Id(r), insights, exec.String("Logging"), exec.String("KmsKeyId"),
            configuration.Presence("ExecuteCommandConfiguration"), logs.OptionalBool("CloudWatchEncryptionEnabled"), logs.OptionalBool("S3EncryptionEnabled"));
    }

    private static EcsCapacityProvider CapacityProvider(CfnResource r)
    {
        var asg = r.Properties.ChildOrEmpty("AutoScalingGroupProvider");
        return EcsCapacityProviderBuilder.Build(
            Id(r),
            asg.String("AutoScalingGroupArn"),
            asg.String("ManagedTerminationProtection"),
            asg.ChildOrEmpty("ManagedScaling").String("Status"));
    }

    private static SecurityGroup SecurityGroup(CfnResource r)
    {
        var p = r.Properties;
        var group = Value<string?>.Explicit(r.LogicalId, r.Span, "GroupId");
        var rules = p.Objects("SecurityGroupIngress").Select(i => Rule(r, i, true, group, i.Prefix))
            .Concat(p.Objects("SecurityGroupEgress").Select(e => Rule(r, e, false, group, e.Prefix)));
        return SecurityGroupBuilder.Build(Id(r), p.String("GroupDescription"), rules);
    }

    private static SecurityGroupRule Rule(CfnResource r, PropertyReader p, bool ingress, Value<string?> group, string path) =>
        SecurityGroupRuleBuilder.Build(
            Id(r),
            ingress,
            group,
            path,
            protocol: p.String("IpProtocol"),
            fromPort: p.Int("FromPort"),
            toPort: p.Int("ToPort"),
            cidrIpv4: p.String("CidrIp"),
            cidrIpv6: p.String("CidrIpv6"),
            peer: ingress
                ? (p.Has("SourceSecurityGroupId") ? p.String("SourceSecurityGroupId") : p.Has("SourcePrefixListId") ? p.String("SourcePrefixListId") : p.String("SourceSecurityGroupName"))
                : (p.Has("DestinationSecurityGroupId") ? p.String("DestinationSecurityGroupId") : p.String("DestinationPrefixListId")),
            description: p.String("Description"));

    private static LoadBalancer LoadBalancer(CfnResource r) =>
        LoadBalancerBuilder.Build(
            Id(r),
            r.Properties.String("Type"),
            r.Properties.String("Scheme"),
            r.Properties.Strings("SecurityGroups"),
            dropInvalidHeaderFields: Flag(Attribute(r, "routing.http.drop_invalid_header_fields.enabled")),
            desyncMitigationMode: Attribute(r, "routing.http.desync_mitigation_mode"),
            accessLogs: Flag(Attribute(r, "access_logs.s3.enabled")),
            deletionProtection: Flag(Attribute(r, "deletion_protection.enabled")),
            crossZone: Flag(Attribute(r, "load_balancing.cross_zone.enabled")));

    /// <summary>The Value of the LoadBalancerAttributes entry with that Key, or absent at the resource.</summary>
    private static Value<string?> Attribute(CfnResource r, string key)
    {
        var p = r.Properties;
        var match = p.Objects("LoadBalancerAttributes").LastOrDefault(a => a.String("Key") is { IsExplicit: true } k && string.Equals(k.Current, key, StringComparison.Ordinal));
        return match?.String("Value") ?? Value<string?>.Defaulted(null, r.Span, p.PathOf("LoadBalancerAttributes"));
    }

    /// <summary>Load balancer attributes are strings ("true"/"false"); the builders take flags.</summary>
    private static Value<bool?> Flag(Value<string?> text) =>
        new(text.IsExplicit && bool.TryParse(text.Current?.Trim(), out var flag) ? flag : null,
            text.IsExplicit && !bool.TryParse(text.Current?.Trim(), out _) ? ValueOrigin.Unresolved : text.Origin, text.Span, text.Path)
        {
            Reference = text.Reference,
            ReferenceAttribute = text.ReferenceAttribute,
        };

    /// <param name="metadata">MetadataOptions; null for AWS::EC2::Instance, which has no such property (only its launch template does).</param>
    /// <param name="launchTemplate">Whether the instance starts from a launch template, whose metadata options then apply.</param>
    private static Ec2InstanceConfiguration Instance(CfnResource r, PropertyReader p, PropertyReader? metadata, bool launchTemplate)
    {
        var options = metadata ?? p.ChildOrEmpty("MetadataOptions");
        var tokens = options.String("HttpTokens");
        return Ec2InstanceConfigurationBuilder.Build(
            Id(r),
            launchTemplate && tokens.IsDefaulted ? Value<string?>.Unresolved(null, tokens.Span, p.PathOf("LaunchTemplate")) : tokens,
            options.String("HttpEndpoint"),
            options.Int("HttpPutResponseHopLimit"),
            p.String("UserData"));
    }

    private static ClassicLoadBalancer ClassicLoadBalancer(CfnResource r)
    {
        var p = r.Properties;
        var logging = p.Child("AccessLoggingPolicy");
        return ClassicLoadBalancerBuilder.Build(
            Id(r),
            p.String("Scheme"),
            p.Objects("Listeners").Select(l => ClassicLoadBalancerBuilder.Listener(
                l.Prefix, l.String("Protocol"), l.Int("LoadBalancerPort"), l.String("InstanceProtocol"), l.String("SSLCertificateId"), l.Strings("PolicyNames"))),
            p.Objects("Policies").Select(policy => ClassicLoadBalancerBuilder.Policy(
                Id(r),
                policy.Prefix,
                policy.String("PolicyName"),
                policy.String("PolicyType"),
                Value<string?>.Explicit(r.LogicalId, r.Span, "LoadBalancerName"),
                policy.Objects("Attributes").Select(a => new PolicyAttribute(a.String("Name"), a.String("Value"))))),
            accessLogs: logging is null ? Value<bool?>.Defaulted(null, r.Span, p.PathOf("AccessLoggingPolicy")) : logging.OptionalBool("Enabled"),
            // CloudFormation has no property for the desync mitigation mode of a Classic Load Balancer.
            desyncMitigationMode: Value<string?>.Defaulted(null, r.Span, p.PathOf("ConnectionSettings")),
            p.Strings("SecurityGroups"),
            p.OptionalBool("CrossZone"));
    }

    private static Listener Listener(CfnResource r)
    {
        var p = r.Properties;
        var path = p.PathOf("DefaultActions");
        var actions = p.Get("DefaultActions") switch
        {
            null => Raw.Absent(r.Span, path),
            SequenceNode list => Raw.Present(list.Span, path),
            // Present but not a list (an undecidable Fn::If, an import): what it does is unknown.
            var other => Value<bool?>.Unresolved(null, other.Span, path),
        };
        return ListenerBuilder.Build(
            Id(r),
            loadBalancer: p.String("LoadBalancerArn"),
            protocol: p.String("Protocol"),
            port: p.Int("Port"),
            sslPolicy: p.String("SslPolicy"),
            actions,
            [.. p.Objects("DefaultActions").Select(a => new ListenerAction(a.String("Type"), a.ChildOrEmpty("RedirectConfig").String("Protocol")))]);
    }

    private static EcrRepository Repository(CfnResource r)
    {
        var p = r.Properties;
        return EcrRepositoryBuilder.Build(
            Id(r),
            name: p.String("RepositoryName"),
            scanOnPush: p.ChildOrEmpty("ImageScanningConfiguration").OptionalBool("ScanOnPush"),
            tagMutability: p.String("ImageTagMutability"),
            lifecyclePolicy: p.Presence("LifecyclePolicy"),
            encryptionType: p.ChildOrEmpty("EncryptionConfiguration").String("EncryptionType"),
            repositoryPolicy: PolicyDocumentReader.Read(p.Get("RepositoryPolicyText"), p.PathOf("RepositoryPolicyText")));
    }

    private static EksCluster EksCluster(CfnResource r)
    {
        var p = r.Properties;
        var vpc = p.ChildOrEmpty("ResourcesVpcConfig");
        var logging = p.Child("Logging")?.Child("ClusterLogging");
        var secrets = p.Objects("EncryptionConfig").FirstOrDefault(e => e.Strings("Resources").Any(v => v.Current == "secrets"));
        return EksClusterBuilder.Build(
            Id(r),
            endpointPublicAccess: vpc.OptionalBool("EndpointPublicAccess"),
            endpointPrivateAccess: vpc.OptionalBool("EndpointPrivateAccess"),
            publicAccessCidrs: vpc.Strings("PublicAccessCidrs"),
            publicAccessCidrsDeclared: vpc.Presence("PublicAccessCidrs"),
            enabledLogTypes: [.. (logging?.Objects("EnabledTypes") ?? []).Select(t => t.RequiredString("Type", string.Empty))],
            loggingDeclared: logging is null ? Raw.Absent(r.Span, p.PathOf("Logging")) : Raw.Present(logging.Anchor, logging.Prefix),
            secretsEncrypted: secrets is null ? Raw.Absent(r.Span, p.PathOf("EncryptionConfig")) : Raw.Present(secrets.Anchor, secrets.Prefix),
            version: p.String("Version"));
    }

    private static EksNodeGroup NodeGroup(CfnResource r)
    {
        var remote = r.Properties.Child("RemoteAccess");
        return EksNodeGroupBuilder.Build(
            Id(r),
            sshKey: (remote ?? r.Properties.ChildOrEmpty("RemoteAccess")).String("Ec2SshKey"),
            sshSourceSecurityGroups: remote?.Strings("SourceSecurityGroups") ?? [],
            remoteAccess: remote is null ? Raw.Absent(r.Span, r.Properties.PathOf("RemoteAccess")) : Raw.Present(remote.Anchor, remote.Prefix));
    }

    private static Trail Trail(CfnResource r)
    {
        var p = r.Properties;
        return TrailBuilder.Build(
            Id(r),
            isLogging: p.OptionalBool("IsLogging"),
            multiRegion: p.OptionalBool("IsMultiRegionTrail"),
            logFileValidation: p.OptionalBool("EnableLogFileValidation"),
            cloudWatchLogsGroup: p.String("CloudWatchLogsLogGroupArn"),
            kmsKey: p.String("KMSKeyId"),
            snsTopic: p.String("SnsTopicName"));
    }

    private static LogGroup LogGroup(CfnResource r) =>
        LogGroupBuilder.Build(Id(r), r.Properties.String("LogGroupName"), r.Properties.Int("RetentionInDays"), r.Properties.String("KmsKeyId"));

    private static MetricFilter MetricFilter(CfnResource r)
    {
        var transformation = r.Properties.Objects("MetricTransformations").FirstOrDefault() ?? r.Properties.ChildOrEmpty("MetricTransformations");
        return MetricFilterBuilder.Build(
            Id(r),
            r.Properties.String("LogGroupName"),
            r.Properties.String("FilterPattern"),
            transformation.String("MetricName"),
            transformation.String("MetricNamespace"));
    }

    private static Alarm Alarm(CfnResource r) =>
        AlarmBuilder.Build(Id(r), r.Properties.String("MetricName"), r.Properties.String("Namespace"), r.Properties.Strings("AlarmActions"), r.Properties.OptionalBool("ActionsEnabled"));

    // A rotation is a separate AWS::SecretsManager::RotationSchedule, which the reader folds in afterwards.
    private static SecretsManagerSecret Secret(CfnResource r) =>
        SecretBuilder.Build(Id(r), r.Properties.String("Name"), r.Properties.String("KmsKeyId"), Raw.Absent(r.Span, "RotationSchedule"));

    private static SsmParameter Parameter(CfnResource r) =>
        SsmParameterBuilder.Build(Id(r), r.Properties.String("Name"), r.Properties.String("Type"), r.Properties.String("Value"));

    private static KmsKey Key(CfnResource r) =>
        KmsKeyBuilder.Build(
            Id(r),
            r.Properties.String("KeySpec"),
            r.Properties.OptionalBool("EnableKeyRotation"),
            PolicyDocumentReader.Read(r.Properties.Get("KeyPolicy"), r.Properties.PathOf("KeyPolicy")),
            r.Properties.Presence("KeyPolicy"),
            r.Properties.OptionalBool("Enabled"));

    private static SecretRotation SecretRotation(CfnResource r)
    {
        var rules = r.Properties.ChildOrEmpty("RotationRules");
        return SecretRotationBuilder.Build(Id(r), r.Properties.String("SecretId"), rules.Int("AutomaticallyAfterDays"), rules.String("ScheduleExpression"));
    }

    private static IamRole Role(CfnResource r) =>
        IamRoleBuilder.Build(
            Id(r),
            r.Properties.String("RoleName"),
            PolicyDocumentReader.Read(r.Properties.Get("AssumeRolePolicyDocument"), r.Properties.PathOf("AssumeRolePolicyDocument")),
            InlinePolicies(r.Properties),
            r.Properties.Strings("ManagedPolicyArns"));

    private static IamPolicy Policy(CfnResource r) =>
        IamPolicyBuilder.Build(
            Id(r),
            managed: r.Type == "AWS::IAM::ManagedPolicy",
            PolicyDocumentReader.Read(r.Properties.Get("PolicyDocument"), r.Properties.PathOf("PolicyDocument")),
            r.Properties.Strings("Roles"),
            r.Properties.Strings("Users"),
            r.Properties.Strings("Groups"));

    private static IamPrincipal Principal(CfnResource r) =>
        IamPrincipalBuilder.Build(
            Id(r),
            r.Type["AWS::IAM::".Length..],
            InlinePolicies(r.Properties),
            r.Properties.Strings("ManagedPolicyArns"),
            r.Properties.Strings("Roles")) with
        {
            // AWS::IAM::User LoginProfile: "Creates a password for the specified user, giving the user the ability to access
            // AWS services through the AWS Management Console." Absent, as in Terraform (whose login profile is a resource
            // of its own), the user has no password declared with it.
            ConsolePassword = r.Type == "AWS::IAM::User" && r.Properties.Has("LoginProfile") ? Raw.Declared(r.Properties.Presence("LoginProfile")) : null,
        };

    private static ImmutableArray<PolicyDocument> InlinePolicies(PropertyReader p) =>
        [.. p.Objects("Policies").Select(policy => PolicyDocumentReader.Read(policy.Get("PolicyDocument"), policy.PathOf("PolicyDocument"))).OfType<PolicyDocument>()];
}
