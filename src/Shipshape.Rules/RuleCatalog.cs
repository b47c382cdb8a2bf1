using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Shipshape.Core;
using Shipshape.Rules.Compliance;
using Shipshape.Rules.Containers;
using Shipshape.Rules.Content;
using Shipshape.Rules.Iam;
using Shipshape.Rules.Images;
using Shipshape.Rules.Logging;
using Shipshape.Rules.Network;
using Shipshape.Rules.Secrets;
using Shipshape.Secrets.Detection;

namespace Shipshape.Rules;

/// <summary>The rules of a scan and their metadata, built once and passed in; immutable.</summary>
public sealed class RuleCatalog
{
    /// <summary>Builds a catalogue; every rule must have metadata and every metadata entry a rule.</summary>
    /// <exception cref="InvalidOperationException">IDs are duplicated, or rules and metadata do not match.</exception>
    public RuleCatalog(IEnumerable<IRule> rules, IEnumerable<RuleMetadata> metadata)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(metadata);

        var ruleList = rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToImmutableArray();
        var duplicateRule = ruleList.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicateRule is not null)
        {
            throw new InvalidOperationException($"Rule ID '{duplicateRule.Key}' is used by more than one rule.");
        }

        var metadataBuilder = ImmutableSortedDictionary.CreateBuilder<string, RuleMetadata>(StringComparer.Ordinal);
        foreach (var entry in metadata)
        {
            if (!metadataBuilder.TryAdd(entry.Id, entry))
            {
                throw new InvalidOperationException($"Rule ID '{entry.Id}' has more than one metadata entry.");
            }
        }

        var withoutMetadata = ruleList.Select(r => r.Id).Where(id => !metadataBuilder.ContainsKey(id)).ToList();
        if (withoutMetadata.Count > 0)
        {
            throw new InvalidOperationException($"Rules without metadata: {string.Join(", ", withoutMetadata)}.");
        }

        var ruleIds = ruleList.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var withoutRule = metadataBuilder.Keys.Where(id => !ruleIds.Contains(id)).ToList();
        if (withoutRule.Count > 0)
        {
            throw new InvalidOperationException($"Metadata without a rule: {string.Join(", ", withoutRule)}.");
        }

        Rules = ruleList;
        Metadata = metadataBuilder.ToImmutable();
    }

    /// <summary>The rules, ordered by ID.</summary>
    public ImmutableArray<IRule> Rules { get; }

    public ImmutableSortedDictionary<string, RuleMetadata> Metadata { get; }

    /// <summary>The built-in rules with their embedded metadata.</summary>
    public static RuleCatalog CreateDefault()
    {
        // The secret rules compile while the metadata is parsed: every command needs both before it starts.
        var engine = Task.Run(() => SecretEngine.Default);
        var metadata = RuleMetadataLoader.LoadEmbedded();
        var detector = new SecretValueDetector(engine.GetAwaiter().GetResult());
        IRule[] rules =
        [
            new PrivilegedContainerRule(),
            new RootUserRule(),
            new ImageDigestMismatchRule(),
            new ImageTooOldRule(),
            new ImageSetuidFileRule(),
            new ImageWorldWritableDirectoryRule(),
            new ImageEmptyPasswordRule(),
            new ImageSshServerRule(),
            new ImageDuplicateIdRule(),
            .. ImageScanVulnerabilityRule.All(),
            new ImageNotSignedRule(),
            new ImageSignatureInvalidRule(),
            new ImageSignatureUntrustedRule(),
            new ImageSignatureDigestMismatchRule(),
            new WritableRootFilesystemRule(),
            new DangerousCapabilityRule(),
            new CapabilitiesNotDroppedRule(),
            new UntrustedRegistryRule(),
            new MutableImageTagRule(),
            new ImageNotPinnedByDigestRule(),
            new NoMemoryLimitRule(),
            new HostNetworkRule(),
            new NetworkModeNotAwsvpcRule(),
            new HostPidRule(),
            new HostIpcRule(),
            new SshPortExposedRule(),
            new EfsTransitEncryptionRule(),
            new ServiceConnectWithoutTlsRule(),
            new OverlayNetworkUnencryptedRule(),
            new EfsIamAuthorizationRule(),
            new SecretNameInEnvironmentRule(detector),
            new SecretValueInEnvironmentRule(detector),
            new InvalidSecretReferenceRule(),
            new SecretAsEnvironmentVariableRule(),
            new MissingLogConfigurationRule(),
            new LogsNotToCloudWatchRule(),
            new MissingTaskRoleRule(),
            new TaskRoleIsExecutionRoleRule(),
            new FullAdminPolicyRule(),
            new ServiceWildcardActionRule(),
            new NotActionAllowRule(),
            new WriteOnAllResourcesRule(),
            new PermissionsManagementOnAllResourcesRule(),
            new ReadOnAllResourcesRule(),
            new ClusterScopeRule(),
            new DestructiveWithoutMfaRule(),
            new UnsafeMfaDenyRule(),
            new PrivilegeEscalationRule(),
            new UnknownActionRule(),
            new MalformedPolicyRule(),
            new PassRoleOnAllRolesRule(),
            new PublicTrustPolicyRule(),
            new ServiceTrustWithoutSourceRule(),
            new TaskAndInstanceTrustRule(),
            new AdminOnTaskRoleRule(),
            new AccessKeyInCodeRule(),
            new ExecutionRoleSecretsRule(),
            new AccountTrustWithoutConditionRule(),
            new PolicyOnUserRule(),
            new ConsolePasswordUserRule(),
            new CredentialsExposureRule(),
            new DataExfiltrationRule(),
            new AdministratorAccessAttachedRule(),
            new IamFullAccessAttachedRule(),
            new FullIamAccessRule(),
            new GitHubOidcTrustRule(),
            new AdminPortOpenToWorldRule(),
            new AllTrafficOpenToWorldRule(),
            new PortOpenToWorldRule(),
            new HttpOpenToWorldRule(),
            new UnrestrictedEgressRule(),
            new MissingDescriptionRule(),
            new SensitivePortBroadSourceRule(),
            new InvalidHeadersAcceptedRule(),
            new DesyncMonitorModeRule(),
            new DeletionProtectionDisabledRule(),
            new WeakPasswordPolicyRule(),
            new PasswordInPropertyRule(),
            new ProviderCredentialsRule(),
            new CrossZoneDisabledRule(),
            new PublicLoadBalancerWithoutWafRule(),
            new DefaultSecurityGroupOpenRule(),
            new ClassicListenerWithoutTlsRule(),
            new ClassicBackendWithoutTlsRule(),
            new LoadBalancerAccessLogsRule(),
            new FargatePlatformPinnedRule(),
            new InvalidFargateSizeRule(),
            new LegacyServiceRoleRule(),
            new NoDesiredTasksRule(),
            new ExecSessionNotCmkEncryptedRule(),
            new EksControlPlaneLogTypesRule(),
            new EksEndpointPublicRule(),
            new MetadataV1AllowedRule(),
            new MetadataHopLimitRule(),
            new UserDataSecretRule(detector),
            new ServicePortsBeyondContainersRule(),
            new PublicIpAssignedRule(),
            new PlainHttpListenerRule(),
            new WeakTlsPolicyRule(),
            new NoTls13PolicyRule(),
            new EksPublicEndpointRule(),
            new EksUnsupportedVersionRule(),
            new EksNodeGroupSshOpenRule(),
            new EcrScanOnPushDisabledRule(),
            new EcrMutableTagsRule(),
            new EcrNoLifecyclePolicyRule(),
            new EcrPublicPolicyRule(),
            new OldFargatePlatformRule(),
            new SecretInPlainParameterRule(detector),
            new SecretNotRotatedRule(),
            new KmsKeyRotationDisabledRule(),
            new KmsKeyPolicyPublicRule(),
            new KmsKeyDisabledRule(),
            new KmsKeyPolicyMissingRule(),
            new SecretWithoutCmkRule(),
            new RotationIntervalRule(),
            new EfsWithoutCmkRule(),
            new EfsAccessPointRootRule(),
            new EfsAccessPointWithoutUserRule(),
            new ContainerInsightsDisabledRule(),
            new ExecCommandLoggingDisabledRule(),
            new TrailNotMultiRegionRule(),
            new TrailLogValidationDisabledRule(),
            new TrailNotToCloudWatchRule(),
            new TrailNotKmsEncryptedRule(),
            .. MonitoringAlarmRule.All(),
            new TrailLoggingDisabledRule(),
            new TrailWithoutSnsTopicRule(),
            new EventDataStoreWithoutCmkRule(),
            new AlarmActionsDisabledRule(),
            new LogGroupRetentionUnderYearRule(),
            new LogDestinationPublicPolicyRule(),
            new LogGroupRetentionRule(),
            new EksAuditLoggingRule(),
            new EfsNotEncryptedRule(),
            new EcrNotKmsEncryptedRule(),
            new LogGroupNotKmsEncryptedRule(),
            new EksSecretsNotEncryptedRule(),
            new AllowPrivilegeEscalationRule(),
            new RuntimeSocketMountedRule(),
            new HostPathVolumeRule(),
            new SeccompUnconfinedRule(),
            new AppArmorUnconfinedRule(),
            new NoCpuLimitRule(),
            new NoHealthCheckRule(),
            new NoReadinessProbeRule(),
            NoResourceRequestRule.Cpu,
            NoResourceRequestRule.Memory,
            new ProcMountUnmaskedRule(),
            new UnsafeSysctlRule(),
            new LowUidRule(),
            new ImagePullPolicyRule(),
            NoSecurityContextRule.Container,
            NoSecurityContextRule.Pod,
            new HostPortRule(),
            new DefaultNamespaceRule(),
            RbacBindingRule.ClusterAdmin,
            RbacBindingRule.DefaultServiceAccount,
            new RbacPodExecRule(),
            new RbacEscalationRule(),
            new RbacWorkloadCreationRule(),
            new DockerfileAddRemoteUrlRule(),
            new DockerfileRemoteScriptToShellRule(),
            new DockerfileSudoRule(),
            new DockerfileTlsVerificationDisabledRule(),
            new DockerfileUnsignedPackagesRule(),
            new DockerfileAddLocalFileRule(),
            new DockerfileDuplicateStageAliasRule(),
            new DockerfileMaintainerRule(),
            new DockerfileChpasswdRule(),
            new DockerfileAptRule(),
            new DockerfileUpdateAloneRule(),
            new DockerfileRelativeWorkdirRule(),
            new DockerfileCdInRunRule(),
            new DockerfileInteractiveInstallRule(),
            new DockerfileInstallRecommendsRule(),
            new DockerfileUnpinnedPackageRule(),
            new DockerfilePackageCacheRule(),
            new DockerfilePipefailRule(),
            new DockerfileShellFormCommandRule(),
            new DockerfileRepeatedInstructionRule(),
            new DockerfileCopyFromUnknownStageRule(),
            new DockerfileInvalidExposeRule(),
            new DockerfileCopyDestinationRule(),
            new DockerfileCurlAndWgetRule(),
            new DockerfileDistUpgradeRule(),
            new NamespaceWithoutNetworkPolicyRule(),
            new LoadBalancerWithoutSourceRangesRule(),
            new ServiceAccountTokenMountedRule(),
            new RbacWildcardRule(),
            new RoleReadsSecretsRule(),
            new AwsAccessWithoutWorkloadIdentityRule(),
            new SecretManifestWithDataRule(),
            new HardcodedSecretRule(),
            new PrivateKeyRule(),
            new GenericCredentialRule(),
            new CardNumberRule(),
            new TestCardNumberRule(),
        ];
        return new RuleCatalog(rules, metadata);
    }

    /// <exception cref="KeyNotFoundException">No rule has this ID.</exception>
    public RuleMetadata Get(string id) =>
        Metadata.TryGetValue(id, out var metadata) ? metadata : throw new KeyNotFoundException($"No rule has the ID '{id}'.");

    public bool TryGet(string id, [MaybeNullWhen(false)] out RuleMetadata metadata) => Metadata.TryGetValue(id, out metadata);
}
