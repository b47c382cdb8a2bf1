using System.Collections.Immutable;
using Shipshape.Core.Model;
using Shipshape.Ingest.Ecs;
using Shipshape.Ingest.Iam;
using Shipshape.Ingest.Syntax;

namespace Shipshape.Ingest.CloudFormation;

/// <summary>
/// Maps resolved CloudFormation resources into the model, one method per resource type. Defaults are the ones
/// the CloudFormation resource reference documents; ECS task definitions go through the shared ECS adapter.
/// </summary>
internal static class CloudFormationAdapters
{
    private static readonly EcsTaskDefinitionAdapter TaskDefinitions = new(pascalCase: true);

    public static IEnumerable<Resource> Adapt(CfnResource r) => r.Type switch
    {
        "AWS::ECS::TaskDefinition" => [TaskDefinitions.Adapt(r.Properties.Node, r.LogicalId, r.Type, CfnResource.Format, r.Span)],
        "AWS::ECS::Service" or "AWS::ECS::TaskSet" => [Service(r)],
        "AWS::ECS::Cluster" => [Cluster(r)],
        "AWS::ECS::CapacityProvider" => [CapacityProvider(r)],
        "AWS::EC2::SecurityGroup" => [SecurityGroup(r)],
        "AWS::EC2::SecurityGroupIngress" => [Rule(r, r.Properties, ingress: true, r.LogicalId, r.Properties.String("GroupId"), r.Properties.Prefix)],
        "AWS::EC2::SecurityGroupEgress" => [Rule(r, r.Properties, ingress: false, r.LogicalId, r.Properties.String("GroupId"), r.Properties.Prefix)],
        "AWS::ElasticLoadBalancingV2::LoadBalancer" => [LoadBalancer(r)],
        "AWS::ElasticLoadBalancingV2::Listener" => [Listener(r)],
        "AWS::ECR::Repository" => [Repository(r)],
        "AWS::EKS::Cluster" => [EksCluster(r)],
        "AWS::EKS::Nodegroup" => [NodeGroup(r)],
        "AWS::CloudTrail::Trail" => [Trail(r)],
        "AWS::Logs::LogGroup" => [LogGroup(r)],
        "AWS::Logs::MetricFilter" => [MetricFilter(r)],
        "AWS::CloudWatch::Alarm" => [Alarm(r)],
        "AWS::SNS::Topic" => [new SnsTopic { Address = r.LogicalId, Kind = r.Type, Span = r.Span, SourceFormat = CfnResource.Format, KmsKey = r.Properties.String("KmsMasterKeyId") }],
        "AWS::SecretsManager::Secret" => [Secret(r)],
        "AWS::SSM::Parameter" => [Parameter(r)],
        "AWS::KMS::Key" => [Key(r)],
        "AWS::EFS::FileSystem" => [new EfsFileSystem { Address = r.LogicalId, Kind = r.Type, Span = r.Span, SourceFormat = CfnResource.Format, Encrypted = r.Properties.Bool("Encrypted", false), KmsKey = r.Properties.String("KmsKeyId") }],
        "AWS::IAM::Role" => [Role(r)],
        "AWS::IAM::Policy" or "AWS::IAM::ManagedPolicy" => [Policy(r)],
        "AWS::IAM::User" or "AWS::IAM::Group" or "AWS::IAM::InstanceProfile" => [Principal(r)],
        "AWS::IAM::AccessKey" => [new IamAccessKey { Address = r.LogicalId, Kind = r.Type, Span = r.Span, SourceFormat = CfnResource.Format, User = r.Properties.String("UserName"), Status = r.Properties.RequiredString("Status", "Active") }],
        _ => [],
    };

    private static EcsService Service(CfnResource r)
    {
        var p = r.Properties;
        var awsvpc = p.ChildOrEmpty("NetworkConfiguration").ChildOrEmpty("AwsvpcConfiguration");
        var assign = awsvpc.String("AssignPublicIp", "DISABLED");
        return new EcsService
        {
            Address = r.LogicalId,
            Kind = r.Type,
            Span = r.Span,
            SourceFormat = CfnResource.Format,
            IsTaskSet = r.Type == "AWS::ECS::TaskSet",
            Cluster = p.String("Cluster"),
            TaskDefinition = p.String("TaskDefinition"),
            LaunchType = p.String("LaunchType"),
            PlatformVersion = p.String("PlatformVersion", "LATEST"),
            AssignPublicIp = new Value<bool>(string.Equals(assign.Current, "ENABLED", StringComparison.OrdinalIgnoreCase), assign.Origin, assign.Span, assign.Path),
            SecurityGroups = awsvpc.Strings("SecurityGroups"),
            EnableExecuteCommand = p.Bool("EnableExecuteCommand", false),
            LoadBalancers = [.. p.Objects("LoadBalancers").Select(lb => new ServiceLoadBalancer(lb.String("ContainerName"), lb.Int("ContainerPort"), lb.String("TargetGroupArn")))],
        };
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

        var exec = p.ChildOrEmpty("Configuration").ChildOrEmpty("ExecuteCommandConfiguration");
        return new EcsCluster
        {
            Address = r.LogicalId,
            Kind = r.Type,
            Span = r.Span,
            SourceFormat = CfnResource.Format,
            ContainerInsights = insights,
            ExecuteCommandLogging = exec.String("Logging", "DEFAULT"),
            ExecuteCommandKmsKey = exec.String("KmsKeyId"),
        };
    }

    private static EcsCapacityProvider CapacityProvider(CfnResource r)
    {
        var asg = r.Properties.ChildOrEmpty("AutoScalingGroupProvider");
        return new EcsCapacityProvider
        {
            Address = r.LogicalId,
            Kind = r.Type,
            Span = r.Span,
            SourceFormat = CfnResource.Format,
            AutoScalingGroup = asg.String("AutoScalingGroupArn"),
            ManagedTerminationProtection = asg.RequiredString("ManagedTerminationProtection", "DISABLED"),
            ManagedScaling = asg.ChildOrEmpty("ManagedScaling").RequiredString("Status", "DISABLED"),
        };
    }

    private static SecurityGroup SecurityGroup(CfnResource r)
    {
        var p = r.Properties;
        var group = Value<string?>.Explicit(r.LogicalId, r.Span, "GroupId");
        var rules = p.Objects("SecurityGroupIngress").Select(i => Rule(r, i, true, r.LogicalId, group, i.Prefix))
            .Concat(p.Objects("SecurityGroupEgress").Select(e => Rule(r, e, false, r.LogicalId, group, e.Prefix)));
        return new SecurityGroup
        {
            Address = r.LogicalId,
            Kind = r.Type,
            Span = r.Span,
            SourceFormat = CfnResource.Format,
            Description = p.String("GroupDescription"),
            Rules = [.. rules],
        };
    }

    private static SecurityGroupRule Rule(CfnResource r, PropertyReader p, bool ingress, string address, Value<string?> group, string path) => new()
    {
        Address = address,
        Kind = r.Type,
        Span = r.Span,
        SourceFormat = CfnResource.Format,
        Ingress = ingress,
        Protocol = p.String("IpProtocol"),
        FromPort = p.Int("FromPort"),
        ToPort = p.Int("ToPort"),
        CidrIpv4 = p.String("CidrIp"),
        CidrIpv6 = p.String("CidrIpv6"),
        Peer = ingress
            ? (p.Has("SourceSecurityGroupId") ? p.String("SourceSecurityGroupId") : p.Has("SourcePrefixListId") ? p.String("SourcePrefixListId") : p.String("SourceSecurityGroupName"))
            : (p.Has("DestinationSecurityGroupId") ? p.String("DestinationSecurityGroupId") : p.String("DestinationPrefixListId")),
        Group = group,
        Description = p.String("Description"),
        Path = path,
    };

    private static LoadBalancer LoadBalancer(CfnResource r) => new()
    {
        Address = r.LogicalId,
        Kind = r.Type,
        Span = r.Span,
        SourceFormat = CfnResource.Format,
        Type = r.Properties.RequiredString("Type", "application"),
        Scheme = r.Properties.RequiredString("Scheme", "internet-facing"),
        SecurityGroups = r.Properties.Strings("SecurityGroups"),
    };

    private static Listener Listener(CfnResource r)
    {
        var p = r.Properties;
        var actions = p.Objects("DefaultActions").ToList();
        var redirect = actions.FirstOrDefault(a => string.Equals(a.String("Type").Current, "redirect", StringComparison.OrdinalIgnoreCase));
        var redirectProtocol = redirect?.ChildOrEmpty("RedirectConfig").String("Protocol");
        return new Listener
        {
            Address = r.LogicalId,
            Kind = r.Type,
            Span = r.Span,
            SourceFormat = CfnResource.Format,
            LoadBalancer = p.String("LoadBalancerArn"),
            Protocol = p.String("Protocol"),
            Port = p.Int("Port"),
            SslPolicy = p.String("SslPolicy"),
            // DefaultActions present but not a list (an undecidable Fn::If, an import): whether it redirects is unknown.
            RedirectsToHttps = redirectProtocol is null && p.Get("DefaultActions") is { } declared and not SequenceNode
                ? Value<bool>.Unresolved(false, declared.Span, p.PathOf("DefaultActions"))
                : redirectProtocol is null
                ? Value<bool>.Defaulted(false, r.Span, p.PathOf("DefaultActions"))
                : new Value<bool>(string.Equals(redirectProtocol.Current, "HTTPS", StringComparison.OrdinalIgnoreCase), redirectProtocol.Origin, redirectProtocol.Span, redirectProtocol.Path),
        };
    }

    private static EcrRepository Repository(CfnResource r)
    {
        var p = r.Properties;
        var lifecycle = p.Get("LifecyclePolicy");
        return new EcrRepository
        {
            Address = r.LogicalId,
            Kind = r.Type,
            Span = r.Span,
            SourceFormat = CfnResource.Format,
            ScanOnPush = p.ChildOrEmpty("ImageScanningConfiguration").Bool("ScanOnPush", false),
            TagMutability = p.RequiredString("ImageTagMutability", "MUTABLE"),
            Name = p.String("RepositoryName"),
            HasLifecyclePolicy = lifecycle is null ? Value<bool>.Defaulted(false, r.Span, p.PathOf("LifecyclePolicy")) : Value<bool>.Explicit(true, lifecycle.Span, p.PathOf("LifecyclePolicy")),
            EncryptionType = p.ChildOrEmpty("EncryptionConfiguration").RequiredString("EncryptionType", "AES256"),
            RepositoryPolicy = PolicyDocumentReader.Read(p.Get("RepositoryPolicyText"), p.PathOf("RepositoryPolicyText")),
        };
    }

    private static EksCluster EksCluster(CfnResource r)
    {
        var p = r.Properties;
        var vpc = p.ChildOrEmpty("ResourcesVpcConfig");
        var logging = p.Child("Logging")?.Child("ClusterLogging");
        var encryption = p.Objects("EncryptionConfig").ToList();
        var secrets = encryption.FirstOrDefault(e => e.Strings("Resources").Any(v => v.Current == "secrets"));
        return new EksCluster
        {
            Address = r.LogicalId,
            Kind = r.Type,
            Span = r.Span,
            SourceFormat = CfnResource.Format,
            EndpointPublicAccess = vpc.Bool("EndpointPublicAccess", true),
            EndpointPrivateAccess = vpc.Bool("EndpointPrivateAccess", false),
            PublicAccessCidrs = vpc.Strings("PublicAccessCidrs"),
            PublicAccessCidrsDeclared = vpc.Has("PublicAccessCidrs") ? Value<bool>.Explicit(true, vpc.Get("PublicAccessCidrs")!.Span, vpc.PathOf("PublicAccessCidrs")) : Value<bool>.Defaulted(false, vpc.Anchor, vpc.PathOf("PublicAccessCidrs")),
            EnabledLogTypes = [.. (logging?.Objects("EnabledTypes") ?? []).Select(t => t.RequiredString("Type", string.Empty))],
            LoggingDeclared = logging is null ? Value<bool>.Defaulted(false, r.Span, p.PathOf("Logging")) : Value<bool>.Explicit(true, logging.Anchor, logging.Prefix),
            SecretsEncrypted = secrets is null ? Value<bool>.Defaulted(false, r.Span, p.PathOf("EncryptionConfig")) : Value<bool>.Explicit(true, secrets.Anchor, secrets.Prefix),
        };
    }

    private static EksNodeGroup NodeGroup(CfnResource r)
    {
        var remote = r.Properties.Child("RemoteAccess");
        return new EksNodeGroup
        {
            Address = r.LogicalId,
            Kind = r.Type,
            Span = r.Span,
            SourceFormat = CfnResource.Format,
            SshKey = (remote ?? r.Properties.ChildOrEmpty("RemoteAccess")).String("Ec2SshKey"),
            SshSourceSecurityGroups = remote?.Strings("SourceSecurityGroups") ?? [],
            RemoteAccessDeclared = remote is null ? Value<bool>.Defaulted(false, r.Span, r.Properties.PathOf("RemoteAccess")) : Value<bool>.Explicit(true, remote.Anchor, remote.Prefix),
        };
    }

    private static Trail Trail(CfnResource r)
    {
        var p = r.Properties;
        return new Trail
        {
            Address = r.LogicalId,
            Kind = r.Type,
            Span = r.Span,
            SourceFormat = CfnResource.Format,
            IsLogging = p.Bool("IsLogging", true),
            MultiRegion = p.Bool("IsMultiRegionTrail", false),
            LogFileValidation = p.Bool("EnableLogFileValidation", false),
            CloudWatchLogsGroup = p.String("CloudWatchLogsLogGroupArn"),
            KmsKey = p.String("KMSKeyId"),
        };
    }

    private static LogGroup LogGroup(CfnResource r) => new()
    {
        Address = r.LogicalId,
        Kind = r.Type,
        Span = r.Span,
        SourceFormat = CfnResource.Format,
        Name = r.Properties.String("LogGroupName"),
        RetentionInDays = r.Properties.Int("RetentionInDays"),
        KmsKey = r.Properties.String("KmsKeyId"),
    };

    private static MetricFilter MetricFilter(CfnResource r)
    {
        var transformation = r.Properties.Objects("MetricTransformations").FirstOrDefault() ?? r.Properties.ChildOrEmpty("MetricTransformations");
        return new MetricFilter
        {
            Address = r.LogicalId,
            Kind = r.Type,
            Span = r.Span,
            SourceFormat = CfnResource.Format,
            LogGroup = r.Properties.String("LogGroupName"),
            Pattern = r.Properties.String("FilterPattern"),
            MetricName = transformation.String("MetricName"),
            MetricNamespace = transformation.String("MetricNamespace"),
        };
    }

    private static Alarm Alarm(CfnResource r) => new()
    {
        Address = r.LogicalId,
        Kind = r.Type,
        Span = r.Span,
        SourceFormat = CfnResource.Format,
        MetricName = r.Properties.String("MetricName"),
        MetricNamespace = r.Properties.String("Namespace"),
        AlarmActions = r.Properties.Strings("AlarmActions"),
    };

    private static SecretsManagerSecret Secret(CfnResource r) => new()
    {
        Address = r.LogicalId,
        Kind = r.Type,
        Span = r.Span,
        SourceFormat = CfnResource.Format,
        Name = r.Properties.String("Name"),
        KmsKey = r.Properties.String("KmsKeyId"),
        Rotated = Value<bool>.Defaulted(false, r.Span, "RotationSchedule"),
    };

    private static SsmParameter Parameter(CfnResource r) => new()
    {
        Address = r.LogicalId,
        Kind = r.Type,
        Span = r.Span,
        SourceFormat = CfnResource.Format,
        Name = r.Properties.String("Name"),
        Type = r.Properties.String("Type"),
        ParameterValue = r.Properties.String("Value"),
    };

    private static KmsKey Key(CfnResource r) => new()
    {
        Address = r.LogicalId,
        Kind = r.Type,
        Span = r.Span,
        SourceFormat = CfnResource.Format,
        KeySpec = r.Properties.RequiredString("KeySpec", "SYMMETRIC_DEFAULT"),
        RotationEnabled = r.Properties.Bool("EnableKeyRotation", false),
        KeyPolicy = PolicyDocumentReader.Read(r.Properties.Get("KeyPolicy"), r.Properties.PathOf("KeyPolicy")),
    };

    private static IamRole Role(CfnResource r) => new()
    {
        Address = r.LogicalId,
        Kind = r.Type,
        Span = r.Span,
        SourceFormat = CfnResource.Format,
        RoleName = r.Properties.String("RoleName"),
        TrustPolicy = PolicyDocumentReader.Read(r.Properties.Get("AssumeRolePolicyDocument"), r.Properties.PathOf("AssumeRolePolicyDocument")),
        InlinePolicies = InlinePolicies(r.Properties),
        ManagedPolicies = r.Properties.Strings("ManagedPolicyArns"),
    };

    private static IamPolicy Policy(CfnResource r) => new()
    {
        Address = r.LogicalId,
        Kind = r.Type,
        Span = r.Span,
        SourceFormat = CfnResource.Format,
        Managed = r.Type == "AWS::IAM::ManagedPolicy",
        Document = PolicyDocumentReader.Read(r.Properties.Get("PolicyDocument"), r.Properties.PathOf("PolicyDocument")),
        Roles = r.Properties.Strings("Roles"),
        Users = r.Properties.Strings("Users"),
        Groups = r.Properties.Strings("Groups"),
    };

    private static IamPrincipal Principal(CfnResource r) => new()
    {
        Address = r.LogicalId,
        Kind = r.Type,
        Span = r.Span,
        SourceFormat = CfnResource.Format,
        PrincipalType = r.Type["AWS::IAM::".Length..],
        InlinePolicies = InlinePolicies(r.Properties),
        ManagedPolicies = r.Properties.Strings("ManagedPolicyArns"),
        Roles = r.Properties.Strings("Roles"),
    };

    private static ImmutableArray<PolicyDocument> InlinePolicies(PropertyReader p) =>
        [.. p.Objects("Policies").Select(policy => PolicyDocumentReader.Read(policy.Get("PolicyDocument"), policy.PathOf("PolicyDocument"))).OfType<PolicyDocument>()];
}
