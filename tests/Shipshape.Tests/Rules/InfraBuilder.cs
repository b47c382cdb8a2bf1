using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Core.Model;
using Shipshape.Rules;

namespace Shipshape.Tests.Rules;

/// <summary>
/// Builds the AWS infrastructure records the way an adapter does for a CloudFormation template: absent properties
/// Defaulted to the service's documented default, spanning the resource. Tests change fields with `with`.
/// </summary>
internal static class InfraBuilder
{
    public const string File = "template.yaml";
    public const int ResourceLine = 3;

    public static SourceSpan Line(int line) => new(File, line, 7, line, 30);

    public static Value<T> Explicit<T>(T value, int line, string path) => Value<T>.Explicit(value, Line(line), path);

    public static Value<T> Unresolved<T>(T placeholder, int line, string path) => Value<T>.Unresolved(placeholder, Line(line), path);

    public static Value<T> Default<T>(T value, string path) => Value<T>.Defaulted(value, Line(ResourceLine), path);

    /// <summary>A value that links to another resource (Ref/GetAtt), so its own value is unresolved.</summary>
    public static Value<T> Link<T>(T placeholder, string address, int line, string path) =>
        Value<T>.Unresolved(placeholder, Line(line), path) with { Reference = address };

    public static SecurityGroupRule Ingress(string? protocol, int? from, int? to, string? cidr, int line = 10, int index = 0, string group = "WebSg", string? cidrIpv6 = null)
    {
        var path = $"Properties.SecurityGroupIngress[{index}]";
        return new SecurityGroupRule
        {
            Address = $"{group}.SecurityGroupIngress[{index}]",
            Kind = "AWS::EC2::SecurityGroup",
            Span = Line(line),
            SourceFormat = "cloudformation",
            Ingress = true,
            Protocol = Explicit(protocol, line, path + ".IpProtocol"),
            FromPort = from is null ? Default<int?>(null, path + ".FromPort") : Explicit(from, line + 1, path + ".FromPort"),
            ToPort = to is null ? Default<int?>(null, path + ".ToPort") : Explicit(to, line + 2, path + ".ToPort"),
            CidrIpv4 = cidr is null ? Default<string?>(null, path + ".CidrIp") : Explicit<string?>(cidr, line + 3, path + ".CidrIp"),
            CidrIpv6 = cidrIpv6 is null ? Default<string?>(null, path + ".CidrIpv6") : Explicit<string?>(cidrIpv6, line + 3, path + ".CidrIpv6"),
            Peer = Default<string?>(null, path + ".SourceSecurityGroupId"),
            Group = Explicit<string?>(group, ResourceLine, "Properties"),
            Description = Default<string?>(null, path + ".Description"),
            Path = path,
        };
    }

    /// <summary>A standalone AWS::EC2::SecurityGroupIngress whose GroupId links to <paramref name="group"/>.</summary>
    public static SecurityGroupRule StandaloneIngress(string address, string group, string? protocol, int? from, int? to, string? cidr, int line = 40)
    {
        var rule = Ingress(protocol, from, to, cidr, line);
        return rule with
        {
            Address = address,
            Kind = "AWS::EC2::SecurityGroupIngress",
            Protocol = Explicit(protocol, line, "Properties.IpProtocol"),
            FromPort = from is null ? Default<int?>(null, "Properties.FromPort") : Explicit(from, line + 1, "Properties.FromPort"),
            ToPort = to is null ? Default<int?>(null, "Properties.ToPort") : Explicit(to, line + 2, "Properties.ToPort"),
            CidrIpv4 = cidr is null ? Default<string?>(null, "Properties.CidrIp") : Explicit<string?>(cidr, line + 3, "Properties.CidrIp"),
            Group = Link<string?>(null, group, line + 4, "Properties.GroupId"),
            Path = "Properties",
        };
    }

    public static SecurityGroup Group(string address = "WebSg", params SecurityGroupRule[] rules) => new()
    {
        Address = address,
        Kind = "AWS::EC2::SecurityGroup",
        Span = Line(ResourceLine),
        SourceFormat = "cloudformation",
        Rules = [.. rules],
        Description = Explicit<string?>("web", ResourceLine + 2, "Properties.GroupDescription"),
    };

    public static EcsService Service(string address = "WebService", string? taskDefinition = "TaskDef", params string[] securityGroups) => new()
    {
        Address = address,
        Kind = "AWS::ECS::Service",
        Span = Line(ResourceLine),
        SourceFormat = "cloudformation",
        IsTaskSet = false,
        Cluster = Link<string?>(null, "Cluster", 5, "Properties.Cluster"),
        TaskDefinition = taskDefinition is null ? Default<string?>(null, "Properties.TaskDefinition") : Link<string?>(null, taskDefinition, 6, "Properties.TaskDefinition"),
        LaunchType = Explicit<string?>("FARGATE", 7, "Properties.LaunchType"),
        PlatformVersion = Default<string?>("LATEST", "Properties.PlatformVersion"),
        AssignPublicIp = Default(false, "Properties.NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp"),
        SecurityGroups = [.. securityGroups.Select((g, i) => Link(string.Empty, g, 9 + i, $"Properties.NetworkConfiguration.AwsvpcConfiguration.SecurityGroups[{i}]"))],
        EnableExecuteCommand = Default(false, "Properties.EnableExecuteCommand"),
        Role = Default<string?>(null, "Properties.Role"),
        DesiredCount = Default<int?>(null, "Properties.DesiredCount"),
    };

    public static EcsCluster Cluster(string address = "Cluster") => new()
    {
        Address = address,
        Kind = "AWS::ECS::Cluster",
        Span = Line(ResourceLine),
        SourceFormat = "cloudformation",
        ContainerInsights = Default<string?>(null, "Properties.ClusterSettings"),
        ExecuteCommandLogging = Default<string?>("DEFAULT", "Properties.Configuration.ExecuteCommandConfiguration.Logging"),
        ExecuteCommandKmsKey = Default<string?>(null, "Properties.Configuration.ExecuteCommandConfiguration.KmsKeyId"),
        ExecuteCommandConfigured = Default(false, "Properties.Configuration.ExecuteCommandConfiguration"),
        ExecuteCommandLogsEncrypted = Default(false, "Properties.Configuration.ExecuteCommandConfiguration.LogConfiguration.CloudWatchEncryptionEnabled"),
    };

    public static Listener Listener(string? protocol, string? sslPolicy = null, bool redirects = false, string address = "HttpsListener") => new()
    {
        Address = address,
        Kind = "AWS::ElasticLoadBalancingV2::Listener",
        Span = Line(ResourceLine),
        SourceFormat = "cloudformation",
        LoadBalancer = Link<string?>(null, "LoadBalancer", 5, "Properties.LoadBalancerArn"),
        Protocol = protocol is null ? Default<string?>(null, "Properties.Protocol") : Explicit<string?>(protocol, 6, "Properties.Protocol"),
        Port = Explicit<int?>(protocol == "HTTP" ? 80 : 443, 7, "Properties.Port"),
        SslPolicy = sslPolicy is null ? Default<string?>(null, "Properties.SslPolicy") : Explicit<string?>(sslPolicy, 8, "Properties.SslPolicy"),
        RedirectsToHttps = redirects ? Explicit(true, 9, "Properties.DefaultActions[0].RedirectConfig.Protocol") : Default(false, "Properties.DefaultActions"),
    };

    public static EcrRepository Repository(string address = "Repo") => new()
    {
        Address = address,
        Kind = "AWS::ECR::Repository",
        Span = Line(ResourceLine),
        SourceFormat = "cloudformation",
        ScanOnPush = Default(false, "Properties.ImageScanningConfiguration.ScanOnPush"),
        TagMutability = Default("MUTABLE", "Properties.ImageTagMutability"),
        HasLifecyclePolicy = Default(false, "Properties.LifecyclePolicy"),
        EncryptionType = Default("AES256", "Properties.EncryptionConfiguration.EncryptionType"),
    };

    public static EksCluster EksCluster(string address = "Eks") => new()
    {
        Address = address,
        Kind = "AWS::EKS::Cluster",
        Span = Line(ResourceLine),
        SourceFormat = "cloudformation",
        EndpointPublicAccess = Default(true, "Properties.ResourcesVpcConfig.EndpointPublicAccess"),
        EndpointPrivateAccess = Default(false, "Properties.ResourcesVpcConfig.EndpointPrivateAccess"),
        PublicAccessCidrsDeclared = Default(false, "Properties.ResourcesVpcConfig.PublicAccessCidrs"),
        LoggingDeclared = Default(false, "Properties.Logging"),
        SecretsEncrypted = Default(false, "Properties.EncryptionConfig"),
        Version = Default<string?>(null, "Properties.Version"),
    };

    public static EksNodeGroup NodeGroup(string? sshKey, params string[] sourceGroups) => new()
    {
        Address = "Nodes",
        Kind = "AWS::EKS::Nodegroup",
        Span = Line(ResourceLine),
        SourceFormat = "cloudformation",
        SshKey = sshKey is null ? Default<string?>(null, "Properties.RemoteAccess.Ec2SshKey") : Explicit<string?>(sshKey, 6, "Properties.RemoteAccess.Ec2SshKey"),
        SshSourceSecurityGroups = [.. sourceGroups.Select((g, i) => Explicit(g, 7 + i, $"Properties.RemoteAccess.SourceSecurityGroups[{i}]"))],
        RemoteAccessDeclared = sshKey is null ? Default(false, "Properties.RemoteAccess") : Explicit(true, 5, "Properties.RemoteAccess"),
    };

    public static Trail Trail(string address = "Trail") => new()
    {
        Address = address,
        Kind = "AWS::CloudTrail::Trail",
        Span = Line(ResourceLine),
        SourceFormat = "cloudformation",
        IsLogging = Explicit(true, 5, "Properties.IsLogging"),
        MultiRegion = Default(false, "Properties.IsMultiRegionTrail"),
        LogFileValidation = Default(false, "Properties.EnableLogFileValidation"),
        CloudWatchLogsGroup = Default<string?>(null, "Properties.CloudWatchLogsLogGroupArn"),
        KmsKey = Default<string?>(null, "Properties.KMSKeyId"),
        SnsTopic = Default<string?>(null, "Properties.SnsTopicName"),
    };

    public static LogGroup LogGroup(string address = "Logs") => new()
    {
        Address = address,
        Kind = "AWS::Logs::LogGroup",
        Span = Line(ResourceLine),
        SourceFormat = "cloudformation",
        Name = Explicit<string?>("/ecs/web", 5, "Properties.LogGroupName"),
        RetentionInDays = Default<int?>(null, "Properties.RetentionInDays"),
        KmsKey = Default<string?>(null, "Properties.KmsKeyId"),
    };

    public static MetricFilter MetricFilter(string address, string? pattern, string metric, int line = 20) => new()
    {
        Address = address,
        Kind = "AWS::Logs::MetricFilter",
        Span = Line(line),
        SourceFormat = "cloudformation",
        LogGroup = Link<string?>(null, "TrailLogs", line + 1, "Properties.LogGroupName"),
        Pattern = Explicit(pattern, line + 2, "Properties.FilterPattern"),
        MetricName = Explicit<string?>(metric, line + 3, "Properties.MetricTransformations[0].MetricName"),
        MetricNamespace = Explicit<string?>("CloudTrailMetrics", line + 4, "Properties.MetricTransformations[0].MetricNamespace"),
    };

    public static Alarm Alarm(string address, string metric, params Value<string>[] actions) => new()
    {
        Address = address,
        Kind = "AWS::CloudWatch::Alarm",
        Span = Line(40),
        SourceFormat = "cloudformation",
        MetricName = Explicit<string?>(metric, 41, "Properties.MetricName"),
        MetricNamespace = Explicit<string?>("CloudTrailMetrics", 42, "Properties.Namespace"),
        AlarmActions = [.. actions],
        ActionsEnabled = Default(true, "Properties.ActionsEnabled"),
    };

    public static SnsTopic Topic(string address = "AlarmTopic") => new()
    {
        Address = address,
        Kind = "AWS::SNS::Topic",
        Span = Line(60),
        SourceFormat = "cloudformation",
        KmsKey = Default<string?>(null, "Properties.KmsMasterKeyId"),
    };

    public static SecretsManagerSecret Secret(bool? rotated) => new()
    {
        Address = "DbSecret",
        Kind = "AWS::SecretsManager::Secret",
        Span = Line(ResourceLine),
        SourceFormat = "cloudformation",
        Name = Explicit<string?>("prod/db", 5, "Properties.Name"),
        KmsKey = Default<string?>(null, "Properties.KmsKeyId"),
        Rotated = rotated is { } r ? Explicit(r, 20, "RotationSchedule") : Unresolved(false, 20, "RotationSchedule"),
    };

    public static SsmParameter Parameter(string? name, string? type, string? value, string address = "Param") => new()
    {
        Address = address,
        Kind = "AWS::SSM::Parameter",
        Span = Line(ResourceLine),
        SourceFormat = "cloudformation",
        Name = name is null ? Default<string?>(null, "Properties.Name") : Explicit<string?>(name, 5, "Properties.Name"),
        Type = Explicit(type, 6, "Properties.Type"),
        ParameterValue = Explicit(value, 7, "Properties.Value"),
    };

    public static KmsKey Key(string spec = "SYMMETRIC_DEFAULT", bool? rotation = null) => new()
    {
        Address = "Key",
        Kind = "AWS::KMS::Key",
        Span = Line(ResourceLine),
        SourceFormat = "cloudformation",
        KeySpec = spec == "SYMMETRIC_DEFAULT" ? Default(spec, "Properties.KeySpec") : Explicit(spec, 5, "Properties.KeySpec"),
        RotationEnabled = rotation is { } r ? Explicit(r, 6, "Properties.EnableKeyRotation") : Default(false, "Properties.EnableKeyRotation"),
        KeyPolicyDeclared = Default(false, "Properties.KeyPolicy"),
        Enabled = Default(true, "Properties.Enabled"),
    };

    public static EfsFileSystem FileSystem(bool? encrypted) => new()
    {
        Address = "Files",
        Kind = "AWS::EFS::FileSystem",
        Span = Line(ResourceLine),
        SourceFormat = "cloudformation",
        Encrypted = encrypted is { } e ? Explicit(e, 5, "Properties.Encrypted") : Default(false, "Properties.Encrypted"),
        KmsKey = Default<string?>(null, "Properties.KmsKeyId"),
    };

    /// <summary>Runs a rule over a model of the given resources, with the default context: its findings (not the resources it could not decide for).</summary>
    public static IReadOnlyList<RuleHit> Run(IRule rule, params Resource[] resources) =>
        [.. rule.Evaluate(ModelBuilder.Model(resources), RuleContext.Default).Where(h => !h.Undecided)];

    public static ImmutableArray<Value<string>> Values(int line, string path, params string[] values) =>
        [.. values.Select((v, i) => Explicit(v, line + i, $"{path}[{i}]"))];
}
