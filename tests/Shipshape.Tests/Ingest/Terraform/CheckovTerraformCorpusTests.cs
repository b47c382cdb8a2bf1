using System.Collections.Immutable;
using System.Text.Json;
using Shipshape.Core.Model;
using Shipshape.Engine;
using Shipshape.Ingest;
using Shipshape.Ingest.Discovery;
using Shipshape.Ingest.Terraform;
using Shipshape.Rules;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Ingest.Terraform;

/// <summary>
/// For every Terraform check of the checkov corpus (../shared/corpus/checkov/terraform) that a Shipshape rule
/// names as an equivalent, each failing resource gets a finding of that rule and no passing resource does,
/// except where the fixture contradicts the Amazon ECS documentation (listed below, with the reason).
/// </summary>
public sealed class CheckovTerraformCorpusTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();

    private const string Corpus = "corpus/checkov/terraform";

    private static string CorpusRoot => SharedFolder.PathOf(Corpus);

    /// <summary>Fixtures whose expectation the AWS documentation contradicts: (check, resource) → why the documentation wins.</summary>
    private static readonly Dictionary<(string Check, string Resource), string> DocumentedExceptions = new()
    {
        [("CKV_AWS_334", "aws_ecs_task_definition.fail")] =
            "the container sets 'privilege', which is not a container definition parameter; the ECS API's key is 'privileged' "
            + "(Task definition parameters, Security: privileged), so ECS ignores it and the container is not privileged",
        [("CKV_AWS_335", "aws_ecs_task_definition.fail")] =
            "the fixture sets pidMode inside a container definition, but pidMode is a task-level parameter "
            + "(Task definition parameters, Process namespace: pidMode; Terraform's pid_mode on the resource); inside a container ECS ignores it",
        [("CKV_AWS_24", "aws_security_group.fail2")] =
            "from_port = 0 and to_port = 0 with protocol \"tcp\" is the single TCP port 0 (EC2 IpPermission: FromPort and ToPort are the "
            + "start and end of the range; only protocol -1 ignores ports), so SSH on port 22 is not open",
        [("CKV_AWS_24", "aws_security_group.not_self")] =
            "the ingress rule names no source at all (no cidr_blocks, security_groups or self = true), so it admits no traffic "
            + "(EC2 security group rules: a rule allows traffic only from the sources it names)",
        [("CKV_AWS_62", "aws_iam_policy.fail4")] =
            "the statement has no Effect, which the IAM JSON policy reference lists as required; IAM rejects the policy "
            + "(MalformedPolicyDocument), so it grants nothing; Shipshape reports it as malformed (SHP-IAM-111)",
        [("CKV_AWS_103", "aws_lb_listener.not_gateway_listener")] =
            "the listener names no protocol and its load balancer's load_balancer_type is \"not gateway\", which is none of "
            + "application, network or gateway (ELB CreateLoadBalancer: Type), so the protocol is not HTTP: the ELB CreateListener "
            + "API documents no default, and the provider sends HTTP only for Application Load Balancers",
        [("CKV_AWS_260", "aws_security_group.fail2")] =
            "from_port = 0 and to_port = 0 with protocol \"tcp\" is the single TCP port 0 (EC2 IpPermission: FromPort and ToPort are the "
            + "start and end of the range; only protocol -1 ignores ports), so HTTP on port 80 is not open",
        [("CKV_AWS_260", "aws_vpc_security_group_ingress_rule.fail2")] =
            "the rule names no source (cidr_ipv4, cidr_ipv6, prefix_list_id or referenced_security_group_id); the EC2 API "
            + "rejects such a rule (AuthorizeSecurityGroupIngress needs a source), so nothing is opened",
        [("CKV_AWS_224", "aws_ecs_cluster.fail2")] =
            "the cluster names kms_key_id and leaves logging at DEFAULT; with DEFAULT \"the awslogs configuration in the task "
            + "definition is used\" and log_configuration applies only to OVERRIDE (ECS API ExecuteCommandConfiguration: logging, "
            + "logConfiguration), so its encryption flags have no effect and the session data is encrypted with the customer managed key",
        [("CKV_AWS_224", "aws_ecs_cluster.fail3")] =
            "the cluster names kms_key_id and leaves logging at DEFAULT; with DEFAULT \"the awslogs configuration in the task "
            + "definition is used\" and log_configuration applies only to OVERRIDE (ECS API ExecuteCommandConfiguration: logging, "
            + "logConfiguration), so its encryption flags have no effect and the session data is encrypted with the customer managed key",
        [("CKV_AWS_224", "aws_ecs_cluster.fail4")] =
            "the cluster names kms_key_id and leaves logging at DEFAULT; with DEFAULT \"the awslogs configuration in the task "
            + "definition is used\" and log_configuration applies only to OVERRIDE (ECS API ExecuteCommandConfiguration: logging, "
            + "logConfiguration), so its encryption flags have no effect and the session data is encrypted with the customer managed key",
        [("CKV_AWS_224", "aws_ecs_cluster.fail5")] =
            "the cluster names kms_key_id and leaves logging at DEFAULT; with DEFAULT \"the awslogs configuration in the task "
            + "definition is used\" and log_configuration applies only to OVERRIDE (ECS API ExecuteCommandConfiguration: logging, "
            + "logConfiguration), so its encryption flags have no effect and the session data is encrypted with the customer managed key",
        [("CKV_AWS_39", "aws_eks_cluster.enabled")] =
            "endpoint_public_access = True is not a boolean: HCL's literals are lower-case true and false (HCL native syntax "
            + "specification, Literal values), so True is a reference to an undeclared name that terraform validate rejects; "
            + "the value is unknown and Shipshape neither passes nor fails it",
        [("CKV_AWS_24", "aws_vpc_security_group_ingress_rule.fail2")] =
            "the rule names no source (cidr_ipv4, cidr_ipv6, prefix_list_id or referenced_security_group_id); the EC2 API "
            + "rejects such a rule (AuthorizeSecurityGroupIngress needs a source), so nothing is opened",
        [("CKV_AWS_33", "aws_kms_key.fail_1")] = PrincipalArray,
        [("CKV_AWS_33", "aws_kms_key.fail_3")] = PrincipalArray,
        [("CKV_AWS_304", "aws_secretsmanager_secret_rotation.fail_2")] =
            "automatically_after_days is var.days, a variable the configuration does not declare (Terraform: a reference to an "
            + "undeclared input variable is an error), so there is no interval to judge; unresolved values neither pass nor fail",
        [("CKV2_AWS_56", "aws_iam_policy.arn_fail2")] = DataSourceOnly,
        [("CKV2_AWS_56", "aws_iam_policy.name_fail1")] = DataSourceOnly,
        [("CKV2_AWS_40", "aws_iam_policy_document.fail1")] =
            "an aws_iam_policy_document data source only renders JSON (Terraform: data sources read, they create and attach "
            + "nothing); Shipshape reports the policies and roles that use the document, and this fixture has none",
    };

    private const string PrincipalArray =
        "the statement's Principal is a JSON array, which the IAM JSON policy grammar does not allow (Principal is \"*\" or "
        + "an object of principal types); KMS rejects such a key policy (PutKeyPolicy: MalformedPolicyDocumentException)";

    private const string DataSourceOnly =
        "a data \"aws_iam_policy\" block only looks the managed policy up (Terraform: data sources read, they attach nothing), "
        + "so no principal gets IAMFullAccess from it; Shipshape reports the attachments, roles and permission sets that attach it";

    /// <summary>Passing fixtures the documentation says are open: (check, resource) → why Shipshape reports them.</summary>
    private static readonly Dictionary<(string Check, string Resource), string> DocumentedOpen = new()
    {
        [("CKV_AWS_24", "aws_security_group.pass_self2")] =
            "the rule lists cidr_blocks = [\"0.0.0.0/0\"] with protocol -1 as well as self = true; sources add up "
            + "(a rule allows traffic from each source it names), so every port, SSH included, is open to the internet",
        [("CKV_AWS_382", "aws_security_group.pass")] =
            "the egress rule has protocol = \"-1\" with from_port 20 and to_port 200; for protocol -1 the ports are ignored and the "
            + "rule allows all traffic on all ports (EC2 IpPermission: \"Use -1 to specify all protocols ... traffic on all ports is "
            + "allowed, regardless of any ports you specify\"), so all outbound traffic to 0.0.0.0/0 is allowed",
        [("CKV_AWS_32", "aws_ecr_repository_policy.pass_conditional")] =
            "ForAllValues:StringEquals on aws:PrincipalOrgID, a single-valued key, is true when the request lacks the key "
            + "(IAM: single-valued vs. multivalued context keys), as for a principal whose account is in no organization; "
            + "StringEquals is what restricts to the organization",
    };

    /// <summary>
    /// Checks that checkov folds into one while Shipshape keeps two concepts apart: a failing resource counts when
    /// the other rule reports it. CKV_AWS_103 fails plain HTTP listeners, which have no TLS policy at all (SslPolicy
    /// applies to HTTPS and TLS listeners only); Shipshape reports those as SHP-NET-015.
    /// </summary>
    private static readonly Dictionary<string, string> AlsoCoveredBy = new()
    {
        ["CKV_AWS_103"] = "SHP-NET-015",
        // CKV_AWS_260 (port 80 open to the world) also fails rules that open every port; Shipshape reports those once, as SHP-NET-011.
        ["CKV_AWS_260"] = "SHP-NET-011",
    };

    /// <summary>
    /// Checks that checkov reports on the load balancer while Shipshape reports the listener that causes the problem
    /// (the finding points at the line to change): a listener's finding counts for the load balancer it belongs to.
    /// CKV2_AWS_20 fails a load balancer with an HTTP listener that does not redirect; SHP-NET-015 reports that listener.
    /// </summary>
    private static readonly HashSet<string> ReportedOnListener = new(StringComparer.Ordinal) { "CKV2_AWS_20" };

    /// <summary>
    /// Checkov's data-source checks (data_*) judge an aws_iam_policy_document on its own; Shipshape renders the data
    /// source into the policies, roles and attachments that use it and reports on those, so these fixtures (which
    /// have no such resource) are not comparable.
    /// </summary>
    private static bool Comparable(string directory) => !Path.GetFileName(directory).StartsWith("data_", StringComparison.Ordinal);

    public static TheoryData<string, string> CoveredChecks()
    {
        var data = new TheoryData<string, string>();
        if (!Directory.Exists(CorpusRoot))
        {
            return data;
        }

        foreach (var directory in Directory.EnumerateDirectories(CorpusRoot).Where(Comparable).Order(StringComparer.Ordinal))
        {
            using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "expected.json")));
            var check = expected.RootElement.GetProperty("check_id").GetString()!;
            var rule = Catalog.Metadata.Values.FirstOrDefault(m => m.Equivalents.Contains(check, StringComparer.Ordinal));
            if (rule is not null)
            {
                data.Add(Path.GetFileName(directory), rule.Id);
            }
        }

        return data;
    }

    [SharedCorpusFact(Corpus)]
    public void CoveredChecks_IncludeEcsAndInfrastructureChecks()
    {
        Assert.Equal(
            [
                "ALBDesyncMode", "ALBDropHttpHeaders", "ALBProtectedByWAF", "ALBRedirectsHTTPToHTTPS", "AppLoadBalancerTLS12", "BatchJobIsNotPrivileged", "CloudWatchAlarmsEnabled", "CloudWatchLogGroupKMSKey",
                "CloudWatchLogGroupRetention", "CloudWatchLogGroupRetentionYear", "CloudtrailDefinesSNSTopic", "CloudtrailEnableLogging", "CloudtrailEncryptionWithCMK",
                "CloudtrailEventDataStoreUsesCMK", "CloudtrailHasCloudwatch", "CloudtrailMultiRegion", "ECRImmutableTags", "ECRPolicy",
                "ECRRepositoryEncrypted", "ECSClusterContainerInsights", "ECSClusterLoggingEnabled", "ECSClusterLoggingEncryptedWithCMK", "ECSContainerHostProcess",
                "ECSContainerPrivilege", "ECSContainerReadOnlyRoot", "ECSServiceFargateLatest", "ECSServicePublicIP", "ECSTaskDefinitionEFSVolumeEncryption",
                "ECSTaskDefinitionRoleCheck", "EFSAccessPointRoot", "EFSAccessUserIdentity", "EFSEncryptionEnabled", "EFSFileSystemEncryptedWithCMK",
                "EKSControlPlaneLogging", "EKSNodeGroupRemoteAccess", "EKSPlatformVersion", "EKSPublicAccess", "EKSPublicAccessCIDR", "ELBAccessLogs", "ELBCrossZoneEnable",
                "ELBPolicyUsesSecureProtocols", "ELBUsesSSL", "ELBv2AccessLogs", "ELBwListenerNotTLSSSL", "GithubActionsOIDCTrustPolicyOnRole",
                "IAMAdminPolicyDocument", "IAMCredentialsExposure", "IAMDataExfiltration", "IAMManagedAdminPolicy", "IAMManagedIAMFullAccessPolicy",
                "IAMPermissionsManagement", "IAMPolicyAttachedToGroupOrRoles", "IAMPolicyNotAllowFullIAMAccess", "IAMPrivilegeEscalation", "IAMRoleAllowAssumeFromAccount",
                "IAMRoleAllowsPublicAssume", "IAMUserHasNoConsoleAccess", "IAMWriteAccess", "KMSKeyIsEnabled", "KMSKeyWildcardPrincipal", "KMSRotation",
                "KmsKeyPolicyIsDefined", "LBCrossZone", "LBDeletionProtection", "LBWeakCiphers", "SecretManagerSecret90days", "SecretManagerSecretEncrypted", "SecretsAreRotated",
                "SecurityGroupRuleDescription", "SecurityGroupUnrestrictedEgressAny", "SecurityGroupUnrestrictedIngress22", "SecurityGroupUnrestrictedIngress3389", "SecurityGroupUnrestrictedIngress80",
                "SecurityGroupUnrestrictedIngressAny", "VPCHasRestrictedSG", "provider_credentials",
            ],
            CoveredChecks().Select(row => (string)row[0]).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The checkov Terraform checks no rule names as an equivalent, data-source checks included, with why each is left:
    /// the list is the gap report, and a change in coverage updates it. Coverage is the share of check IDs named.
    /// </summary>
    [SharedCorpusFact(Corpus)]
    public void UncoveredChecks_AreTheKnownGaps()
    {
        var checks = Directory.EnumerateDirectories(CorpusRoot)
            .Select(d =>
            {
                using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(d, "expected.json")));
                return expected.RootElement.GetProperty("check_id").GetString()!;
            })
            .ToHashSet(StringComparer.Ordinal);
        var named = Catalog.Metadata.Values.SelectMany(m => m.Equivalents).ToHashSet(StringComparer.Ordinal);
        var uncovered = checks.Where(c => !named.Contains(c)).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(
            [
                "CKV2_AWS_14", // IAM group without users: hygiene, not a security property of a deployment
                "CKV2_AWS_21", // IAM user in no group: the same
                "CKV2_AWS_5", // security group attached to nothing: needs every resource type that takes a group
                "CKV_AWS_261", // target group health check: "always enabled and can't be disabled" for instance, ip and alb targets (ELB API HealthCheckEnabled)
                "CKV_AWS_273", // every IAM user: the fixture has no passing resource
                "CKV_AWS_283", // data source only; Shipshape judges the policies that use a document
                "CKV_AWS_348", // user = "root" names an IAM user called root; root keys cannot be made in code
                "CKV_AWS_355", // "*" on List/Read: SHP-IAM-105 also reports ARNs that cover every resource of the type
                "CKV_AWS_356", // data source only
                "CKV_AWS_378", // HTTP target group: its fixture passes HTTP behind an HTTPS listener and fails unattached ones
                "CKV_AWS_45", // Lambda environment: fixtures hold only AWS's documented example keys
                "CKV_AWS_46", // EC2 user data: the same (SHP-CTR-039 reports real secrets)
                "CKV_AWS_49", // data source only
            ],
            uncovered);
        Assert.True(checks.Count - uncovered.Count >= 0.8 * checks.Count, $"Terraform coverage {checks.Count - uncovered.Count}/{checks.Count}");
    }

    [SharedCorpusTheory(Corpus)]
    [MemberData(nameof(CoveredChecks))]
    public void CheckovFixture_Rule_FailingResourcesHitPassingDoNot(string checkDirectory, string ruleId)
    {
        var directory = Path.Combine(CorpusRoot, checkDirectory);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "expected.json")));
        var root = expected.RootElement;
        var check = root.GetProperty("check_id").GetString()!;
        var perFile = root.TryGetProperty("resource_id_format", out var format) && format.GetString() == "file:address";
        var failing = root.GetProperty("failing_resources").EnumerateArray().Select(e => e.GetString()!).ToList();
        var passing = root.GetProperty("passing_resources").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.NotEmpty(failing);
        Assert.NotEmpty(passing);

        var hits = perFile ? HitsPerFile(directory, ruleId) : Hits(directory, ruleId, prefix: null);
        if (ReportedOnListener.Contains(check))
        {
            hits = LoadBalancersOf(directory, hits);
        }

        var failingHits = AlsoCoveredBy.TryGetValue(check, out var other)
            ? [.. hits, .. perFile ? HitsPerFile(directory, other) : Hits(directory, other, prefix: null)]
            : hits;

        foreach (var resource in failing)
        {
            if (DocumentedExceptions.ContainsKey((check, resource)))
            {
                Assert.DoesNotContain(resource, hits);
                continue;
            }

            Assert.True(failingHits.Contains(resource), $"{check}: failing resource {resource} has no {ruleId} finding (hits: {string.Join(", ", hits)})");
        }

        foreach (var resource in passing)
        {
            if (DocumentedOpen.ContainsKey((check, resource)))
            {
                Assert.Contains(resource, hits);
                continue;
            }

            Assert.False(hits.Contains(resource), $"{check}: passing resource {resource} has a {ruleId} finding");
        }
    }

    /// <summary>The addresses of the load balancers whose listeners are among the hits, with the other hits.</summary>
    private static HashSet<string> LoadBalancersOf(string directory, HashSet<string> hits)
    {
        var files = FileDiscovery.Discover(new DiscoveryOptions { Roots = [directory] }).Files;
        var reader = new TerraformModuleReader();
        var claimed = files.Where(f => reader.Claims(f.RelativePath, f.Format)).ToImmutableArray();
        var listeners = reader.Read(new ModuleReadRequest(claimed), CancellationToken.None).Result.Resources.OfType<Listener>();
        var owners = listeners.Where(l => hits.Contains(l.Address) && l.LoadBalancer.Reference is not null).Select(l => l.LoadBalancer.Reference!);
        return [.. hits, .. owners];
    }

    /// <summary>Terraform addresses a provider configuration provider.aws[.ALIAS]; checkov calls it aws.default or aws.ALIAS.</summary>
    private static string CheckovAddress(string address) => address switch
    {
        "provider.aws" => "aws.default",
        _ when address.StartsWith("provider.aws.", StringComparison.Ordinal) => address["provider.".Length..],
        _ => address,
    };

    private static HashSet<string> HitsPerFile(string directory, string ruleId) =>
        Directory.EnumerateFiles(directory, "*.tf")
            .SelectMany(f => Hits(f, ruleId, Path.GetFileName(f) + ":"))
            .ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> Hits(string path, string ruleId, string? prefix)
    {
        var report = new Scanner(Catalog).Scan(new ScanOptions { Paths = [path], OnlyRules = [ruleId] });
        Assert.DoesNotContain(report.Diagnostics, d => d.Severity == Shipshape.Core.DiagnosticSeverity.Error);
        return report.Findings.Select(f => prefix + CheckovAddress(f.Resource.Address)).ToHashSet(StringComparer.Ordinal);
    }
}
