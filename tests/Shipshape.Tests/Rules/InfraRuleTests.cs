using Shipshape.Core.Model;
using Shipshape.Rules;
using Shipshape.Rules.Compliance;
using Shipshape.Rules.Containers;
using Shipshape.Rules.Logging;
using Shipshape.Rules.Secrets;
using static Shipshape.Tests.Rules.InfraBuilder;

namespace Shipshape.Tests.Rules;

public sealed class InfraRuleTests
{
    private static void Single(IRule rule, Resource resource, string message, string path)
    {
        var hit = Assert.Single(Run(rule, resource));
        Assert.Equal(message, hit.Message);
        Assert.Equal(path, hit.PropertyPath);
        Assert.Same(resource, hit.Resource);
    }

    [Fact]
    public void EcrRules_DefaultRepository_HitEachWithDefaultWording()
    {
        Single(new EcrScanOnPushDisabledRule(), Repository(), "ECR repository 'Repo' does not enable scan on push (the default is off).", "Properties.ImageScanningConfiguration.ScanOnPush");
        Single(new EcrMutableTagsRule(), Repository(), "ECR repository 'Repo' does not set imageTagMutability, so tags are mutable (the default).", "Properties.ImageTagMutability");
        Single(new EcrNoLifecyclePolicyRule(), Repository(), "ECR repository 'Repo' has no lifecycle policy.", "Properties.LifecyclePolicy");
        Single(new EcrNotKmsEncryptedRule(), Repository(), "ECR repository 'Repo' does not set an encryption configuration, so it uses AES256 instead of AWS KMS.", "Properties.EncryptionConfiguration.EncryptionType");
    }

    [Fact]
    public void EcrRules_HardenedOrUnresolvedRepository_NoHit()
    {
        var hardened = Repository() with
        {
            ScanOnPush = Explicit(true, 5, "Properties.ImageScanningConfiguration.ScanOnPush"),
            TagMutability = Explicit("IMMUTABLE", 6, "Properties.ImageTagMutability"),
            HasLifecyclePolicy = Explicit(true, 7, "Properties.LifecyclePolicy"),
            EncryptionType = Explicit("KMS", 8, "Properties.EncryptionConfiguration.EncryptionType"),
        };
        var unresolved = Repository() with
        {
            ScanOnPush = Unresolved(false, 5, "Properties.ImageScanningConfiguration.ScanOnPush"),
            TagMutability = Unresolved("MUTABLE", 6, "Properties.ImageTagMutability"),
            HasLifecyclePolicy = Unresolved(false, 7, "Properties.LifecyclePolicy"),
            EncryptionType = Unresolved("AES256", 8, "Properties.EncryptionConfiguration.EncryptionType"),
        };
        IRule[] rules = [new EcrScanOnPushDisabledRule(), new EcrMutableTagsRule(), new EcrNoLifecyclePolicyRule(), new EcrNotKmsEncryptedRule()];
        Assert.All(rules, r => Assert.Empty(Run(r, hardened)));
        Assert.All(rules, r => Assert.Empty(Run(r, unresolved)));
        Assert.Empty(Run(new EcrMutableTagsRule(), Repository() with { TagMutability = Explicit("IMMUTABLE_WITH_EXCLUSION", 6, "Properties.ImageTagMutability") }));
    }

    private static EcrRepository WithPolicy(string principal, bool condition)
    {
        var statement = new PolicyStatement
        {
            Sid = Default<string?>(null, "Properties.RepositoryPolicyText.Statement[0].Sid"),
            Effect = Explicit("Allow", 7, "Properties.RepositoryPolicyText.Statement[0].Effect"),
            Principals = [Explicit(principal, 8, "Properties.RepositoryPolicyText.Statement[0].Principal")],
            Actions = [Explicit("ecr:BatchGetImage", 9, "Properties.RepositoryPolicyText.Statement[0].Action[0]")],
            Conditions = condition ? [new PolicyCondition("StringEquals", "aws:PrincipalOrgID", [Explicit("o-a1b2c3d4e5", 11, "c")], Line(10))] : [],
            Span = Line(6),
            Path = "Properties.RepositoryPolicyText.Statement[0]",
        };
        return Repository() with { RepositoryPolicy = new PolicyDocument(Explicit<string?>("2012-10-17", 5, "v"), [statement], Line(5), "Properties.RepositoryPolicyText") };
    }

    [Fact]
    public void EcrPublicPolicyRule_StarWithoutCondition_HitAtPrincipal()
    {
        var hit = Assert.Single(Run(new EcrPublicPolicyRule(), WithPolicy("*", condition: false)));
        Assert.Equal("ECR repository 'Repo' allows everyone (Principal \"*\") without a condition.", hit.Message);
        Assert.Equal(8, hit.Location.StartLine);
        Assert.Single(Run(new EcrPublicPolicyRule(), WithPolicy("AWS:*", condition: false)));
    }

    [Fact]
    public void EcrPublicPolicyRule_ConditionOrNamedPrincipal_NoHit()
    {
        Assert.Empty(Run(new EcrPublicPolicyRule(), WithPolicy("*", condition: true)));
        Assert.Empty(Run(new EcrPublicPolicyRule(), WithPolicy("AWS:arn:aws:iam::111122223333:root", condition: false)));
        Assert.Empty(Run(new EcrPublicPolicyRule(), Repository()));
    }

    [Theory]
    [InlineData("1.3.0", true)]
    [InlineData("1.0.0", true)]
    [InlineData("1.4.0", false)]
    [InlineData("LATEST", false)]
    public void OldFargatePlatformRule_PinnedVersion_HitsBelow140(string version, bool expected)
    {
        var hits = Run(new OldFargatePlatformRule(), Service() with { PlatformVersion = Explicit<string?>(version, 8, "Properties.PlatformVersion") });
        Assert.Equal(expected ? [$"ECS service 'WebService' pins Fargate platform version {version}, older than 1.4.0."] : Array.Empty<string>(), hits.Select(h => h.Message));
    }

    [Fact]
    public void SecretInPlainParameterRule_SecretNameOrValue_HitWithoutPrintingValue()
    {
        var rule = new SecretInPlainParameterRule(new SecretValueDetector());
        var byName = Assert.Single(Run(rule, Parameter("/myapp/api_key", "String", "akdfaksdfjkasdfjskafjdkfajsdfk345")));
        Assert.Equal("SSM parameter 'Param' ('/myapp/api_key') is a plain String parameter, and its name says it holds a secret.", byName.Message);
        Assert.Equal("Properties.Value", byName.PropertyPath);
        Assert.Equal(SecretRedactor.Hash("akdfaksdfjkasdfjskafjdkfajsdfk345"), byName.FingerprintKey);

        var byValue = Assert.Single(Run(rule, Parameter("/ci/deploy", "StringList", "AKIAZ3MSJ4CFPRQ7T2UV")));
        Assert.Equal("SSM parameter 'Param' ('/ci/deploy') is a plain StringList parameter whose value looks like an AWS access key ID.", byValue.Message);
        Assert.DoesNotContain("AKIAZ3MSJ4CFPRQ7T2UV", byValue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/myapp/foo", "String", "akdfaksdfjkasdfjskafjdkfajsdfk345")]
    [InlineData("/myapp/secret", "SecureString", "akdfaksdfjkasdfjskafjdkfajsdfk345")]
    [InlineData("/myapp/secret2", "String", "${aws_iam_role.lambda.arn}")]
    [InlineData("MYSECRET_TEST", "String", "akdfaksdfjkasdfjskafjdkfajsdfk345")]
    [InlineData("MYSECRET2", "String", "akdfaksdfjkaEXAMPLEsdfjskafjdkfajsdfk345")]
    [InlineData("/app/db/password", "String", "{{resolve:secretsmanager:prod/db}}")]
    public void SecretInPlainParameterRule_NoSecretReferenceOrPlaceholder_NoHit(string name, string type, string value)
    {
        Assert.Empty(Run(new SecretInPlainParameterRule(new SecretValueDetector()), Parameter(name, type, value)));
    }

    [Fact]
    public void SecretInPlainParameterRule_UnresolvedValue_NoHit()
    {
        Assert.Empty(Run(new SecretInPlainParameterRule(new SecretValueDetector()),
            Parameter("/app/db/password", "String", null) with { ParameterValue = Unresolved<string?>(null, 7, "Properties.Value") }));
    }

    [Fact]
    public void SecretNotRotatedRule_RotationKnownOrNot_HitsOnlyKnownFalse()
    {
        Single(new SecretNotRotatedRule(), Secret(false), "Secrets Manager secret 'DbSecret' has no rotation schedule.", "RotationSchedule");
        Assert.Empty(Run(new SecretNotRotatedRule(), Secret(true)));
        Assert.Empty(Run(new SecretNotRotatedRule(), Secret(null)));
    }

    [Fact]
    public void KmsKeyRotationDisabledRule_SymmetricWithoutRotation_Hit()
    {
        Single(new KmsKeyRotationDisabledRule(), Key(), "KMS key 'Key' does not enable automatic key rotation (the default is off).", "Properties.EnableKeyRotation");
        Single(new KmsKeyRotationDisabledRule(), Key(rotation: false), "KMS key 'Key' disables automatic key rotation.", "Properties.EnableKeyRotation");
        Assert.Empty(Run(new KmsKeyRotationDisabledRule(), Key(rotation: true)));
        Assert.Empty(Run(new KmsKeyRotationDisabledRule(), Key("RSA_2048")));
        Assert.Empty(Run(new KmsKeyRotationDisabledRule(), Key("HMAC_256")));
    }

    [Fact]
    public void ContainerInsightsDisabledRule_AbsentOrDisabled_Hit()
    {
        Single(new ContainerInsightsDisabledRule(), Cluster(), "ECS cluster 'Cluster' does not enable Container Insights.", "Properties.ClusterSettings");
        Single(new ContainerInsightsDisabledRule(), Cluster() with { ContainerInsights = Explicit<string?>("disabled", 6, "Properties.ClusterSettings[0].Value") },
            "ECS cluster 'Cluster' sets containerInsights to 'disabled'.", "Properties.ClusterSettings[0].Value");
        Assert.Empty(Run(new ContainerInsightsDisabledRule(), Cluster() with { ContainerInsights = Explicit<string?>("enhanced", 6, "Properties.ClusterSettings[0].Value") }));
        Assert.Empty(Run(new ContainerInsightsDisabledRule(), Cluster() with { ContainerInsights = Unresolved<string?>(null, 6, "Properties.ClusterSettings[0].Value") }));
    }

    [Fact]
    public void ExecCommandLoggingDisabledRule_None_Hit()
    {
        var path = "Properties.Configuration.ExecuteCommandConfiguration.Logging";
        Single(new ExecCommandLoggingDisabledRule(), Cluster() with { ExecuteCommandLogging = Explicit<string?>("NONE", 7, path) },
            "ECS cluster 'Cluster' turns off logging of ECS Exec sessions (logging NONE).", path);
        Assert.Empty(Run(new ExecCommandLoggingDisabledRule(), Cluster()));
        Assert.Empty(Run(new ExecCommandLoggingDisabledRule(), Cluster() with { ExecuteCommandLogging = Explicit<string?>("OVERRIDE", 7, path) }));
    }

    [Fact]
    public void TrailRules_BareTrail_HitEach()
    {
        Single(new TrailNotMultiRegionRule(), Trail(), "CloudTrail trail 'Trail' is not multi-Region (IsMultiRegionTrail is absent).", "Properties.IsMultiRegionTrail");
        Single(new TrailLogValidationDisabledRule(), Trail(), "CloudTrail trail 'Trail' does not enable log file validation.", "Properties.EnableLogFileValidation");
        Single(new TrailNotToCloudWatchRule(), Trail(), "CloudTrail trail 'Trail' does not send its events to CloudWatch Logs.", "Properties.CloudWatchLogsLogGroupArn");
        Single(new TrailNotKmsEncryptedRule(), Trail(), "CloudTrail trail 'Trail' does not encrypt its log files with a KMS key.", "Properties.KMSKeyId");
    }

    [Fact]
    public void TrailRules_HardenedOrLinkedTrail_NoHit()
    {
        var trail = Trail() with
        {
            MultiRegion = Explicit(true, 6, "Properties.IsMultiRegionTrail"),
            LogFileValidation = Explicit(true, 7, "Properties.EnableLogFileValidation"),
            CloudWatchLogsGroup = Link<string?>(null, "TrailLogs", 8, "Properties.CloudWatchLogsLogGroupArn"),
            KmsKey = Link<string?>(null, "TrailKey", 9, "Properties.KMSKeyId"),
        };
        IRule[] rules = [new TrailNotMultiRegionRule(), new TrailLogValidationDisabledRule(), new TrailNotToCloudWatchRule(), new TrailNotKmsEncryptedRule()];
        Assert.All(rules, r => Assert.Empty(Run(r, trail)));
        Assert.Empty(Run(new TrailNotKmsEncryptedRule(), Trail() with { KmsKey = Explicit<string?>("alias/trail", 9, "Properties.KMSKeyId") }));
    }

    private const string UnauthorizedPattern = "{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") }";
    private const string ConsolePattern = "{($.eventName=ConsoleLogin) && ($.errorMessage=\"Failed authentication\")}";

    [Fact]
    public void UnauthorizedApiCallAlarmRule_TrailWithoutFilter_HitOnTrail()
    {
        var hit = Assert.Single(Run(MonitoringAlarmRule.For("SHP-LOG-016"), Trail()));
        Assert.Equal("CloudTrail trail 'Trail' has no metric filter with an alarm and an SNS notification for unauthorised API calls.", hit.Message);
        Assert.Equal("Properties.CloudWatchLogsLogGroupArn", hit.PropertyPath);
    }

    [Fact]
    public void UnauthorizedApiCallAlarmRule_FilterAlarmAndTopic_NoHit()
    {
        Assert.Empty(Run(MonitoringAlarmRule.For("SHP-LOG-016"), Trail(), MetricFilter("Filter", UnauthorizedPattern, "Unauthorized"),
            Alarm("Alarm", "Unauthorized", Link(string.Empty, "AlarmTopic", 44, "Properties.AlarmActions[0]")), Topic()));
        Assert.Empty(Run(MonitoringAlarmRule.For("SHP-LOG-016"), Trail(), MetricFilter("Filter", UnauthorizedPattern, "Unauthorized"),
            Alarm("Alarm", "Unauthorized", Explicit("arn:aws:sns:us-east-1:111122223333:security", 44, "Properties.AlarmActions[0]"))));
    }

    [Fact]
    public void UnauthorizedApiCallAlarmRule_BrokenChain_Hit()
    {
        // A filter without alarm, an alarm without SNS action, a filter for something else: each leaves the chain open.
        Assert.Single(Run(MonitoringAlarmRule.For("SHP-LOG-016"), Trail(), MetricFilter("Filter", UnauthorizedPattern, "Unauthorized")));
        Assert.Single(Run(MonitoringAlarmRule.For("SHP-LOG-016"), Trail(), MetricFilter("Filter", UnauthorizedPattern, "Unauthorized"), Alarm("Alarm", "Unauthorized")));
        Assert.Single(Run(MonitoringAlarmRule.For("SHP-LOG-016"), Trail(), MetricFilter("Filter", ConsolePattern, "Unauthorized"),
            Alarm("Alarm", "Unauthorized", Link(string.Empty, "AlarmTopic", 44, "Properties.AlarmActions[0]")), Topic()));
    }

    [Fact]
    public void UnauthorizedApiCallAlarmRule_NoTrailOrUnresolvedPattern_NoHit()
    {
        Assert.Empty(Run(MonitoringAlarmRule.For("SHP-LOG-016"), MetricFilter("Filter", "x", "Other")));
        Assert.Empty(Run(MonitoringAlarmRule.For("SHP-LOG-016"), Trail(), MetricFilter("Filter", null, "Other") with { Pattern = Unresolved<string?>(null, 22, "Properties.FilterPattern") }));
    }

    [Fact]
    public void ConsoleLoginFailureAlarmRule_ChainPresentOrMissing_HitsOnlyMissing()
    {
        Assert.Empty(Run(MonitoringAlarmRule.For("SHP-LOG-017"), Trail(), MetricFilter("Filter", ConsolePattern, "ConsoleFailures"),
            Alarm("Alarm", "ConsoleFailures", Link(string.Empty, "AlarmTopic", 44, "Properties.AlarmActions[0]")), Topic()));
        var hit = Assert.Single(Run(MonitoringAlarmRule.For("SHP-LOG-017"), Trail(), MetricFilter("Filter", UnauthorizedPattern, "Unauthorized")));
        Assert.Equal("CloudTrail trail 'Trail' has no metric filter with an alarm and an SNS notification for console authentication failures.", hit.Message);
    }

    [Fact]
    public void LogGroupRules_DefaultGroup_HitRetentionAndKms()
    {
        Single(new LogGroupRetentionRule(), LogGroup(), "Log group 'Logs' has no retention period, so its events never expire.", "Properties.RetentionInDays");
        Single(new LogGroupNotKmsEncryptedRule(), LogGroup(), "Log group 'Logs' is not encrypted with a KMS key.", "Properties.KmsKeyId");
        var hardened = LogGroup() with { RetentionInDays = Explicit<int?>(365, 6, "Properties.RetentionInDays"), KmsKey = Link<string?>(null, "LogsKey", 7, "Properties.KmsKeyId") };
        Assert.Empty(Run(new LogGroupRetentionRule(), hardened));
        Assert.Empty(Run(new LogGroupNotKmsEncryptedRule(), hardened));
        Assert.Empty(Run(new LogGroupRetentionRule(), LogGroup() with { RetentionInDays = Unresolved<int?>(null, 6, "Properties.RetentionInDays") }));
    }

    [Fact]
    public void EksAuditLoggingRule_NoAuditType_Hit()
    {
        Single(new EksAuditLoggingRule(), EksCluster(), "EKS cluster 'Eks' does not enable the audit control-plane log.", "Properties.Logging");
        var apiOnly = EksCluster() with { LoggingDeclared = Explicit(true, 9, "Properties.Logging"), EnabledLogTypes = Values(10, "Properties.Logging.ClusterLogging.EnabledTypes", "api") };
        Assert.Single(Run(new EksAuditLoggingRule(), apiOnly));
        Assert.Empty(Run(new EksAuditLoggingRule(), apiOnly with { EnabledLogTypes = Values(10, "Properties.Logging.ClusterLogging.EnabledTypes", "api", "audit") }));
        Assert.Empty(Run(new EksAuditLoggingRule(), apiOnly with { EnabledLogTypes = [Unresolved("audit", 10, "Properties.Logging.ClusterLogging.EnabledTypes[0]")] }));
    }

    [Fact]
    public void EfsNotEncryptedRule_DefaultOrFalse_Hit()
    {
        Single(new EfsNotEncryptedRule(), FileSystem(null), "EFS file system 'Files' does not enable encryption at rest (CloudFormation and the API default to unencrypted).", "Properties.Encrypted");
        Single(new EfsNotEncryptedRule(), FileSystem(false), "EFS file system 'Files' disables encryption at rest.", "Properties.Encrypted");
        Assert.Empty(Run(new EfsNotEncryptedRule(), FileSystem(true)));
    }

    [Fact]
    public void EksSecretsNotEncryptedRule_NoEncryptionConfig_Hit()
    {
        Single(new EksSecretsNotEncryptedRule(), EksCluster(), "EKS cluster 'Eks' does not encrypt Kubernetes secrets with a KMS key (no encryption configuration for secrets).", "Properties.EncryptionConfig");
        Assert.Empty(Run(new EksSecretsNotEncryptedRule(), EksCluster() with { SecretsEncrypted = Explicit(true, 12, "Properties.EncryptionConfig") }));
    }
}
