using Shipshape.Core.Model;

namespace Shipshape.Core;

/// <summary>
/// The names rules declare as their subjects (metadata <c>subjects:</c>): model type names, matching the type and every
/// type derived from it (<c>Workload</c> covers task definitions, Kubernetes workloads, compose services, Batch jobs),
/// and a few names for Kubernetes objects of given kinds (<see cref="KubernetesKinds"/>).
/// </summary>
public static class ModelSubjects
{
    /// <summary>
    /// Subjects narrower than <see cref="KubernetesObject"/>, which holds every kind the rules look at beyond workloads: a
    /// rule over roles that declared <c>KubernetesObject</c> would count a Namespace or a Service as passing it.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> KubernetesKinds = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
    {
        ["KubernetesRole"] = new HashSet<string>(StringComparer.Ordinal) { "Role", "ClusterRole" },
        ["KubernetesRoleBinding"] = new HashSet<string>(StringComparer.Ordinal) { "RoleBinding", "ClusterRoleBinding" },
    };

    /// <summary>Every model type a rule may name.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(Alarm), nameof(AwsProviderConfiguration), nameof(BatchJobDefinition), nameof(ClassicLoadBalancer),
        nameof(ComposeNetwork), nameof(ComposeService), nameof(ContainerImage), nameof(DockerfileStage), nameof(Ec2InstanceConfiguration), nameof(EcrRepository),
        nameof(EcrRepositoryPolicy), nameof(EcsCapacityProvider), nameof(EcsCluster), nameof(EcsService),
        nameof(EfsAccessPoint), nameof(EfsFileSystem), nameof(EksCluster), nameof(EksNodeGroup),
        nameof(EksPodIdentityAssociation), nameof(EventDataStore), nameof(IamAccessKey), nameof(IamLoginProfile),
        nameof(IamPasswordPolicy), nameof(IamPolicy), nameof(IamPrincipal), nameof(IamRole), nameof(ImageScanResult), nameof(KmsKey),
        nameof(KubernetesObject), nameof(KubernetesWorkload), nameof(Listener), nameof(LoadBalancer),
        nameof(LoadBalancerPolicy), nameof(LogDestination), nameof(LogGroup), nameof(MetricFilter),
        nameof(PasswordProperty), nameof(SecretRotation), nameof(SecretsManagerSecret), nameof(SecurityGroup),
        nameof(SecurityGroupRule), nameof(SnsTopic), nameof(SourceFile), nameof(SsmParameter), nameof(TaskDefinition),
        nameof(Trail), nameof(Vpc), nameof(WebAclAssociation), nameof(Workload),
        "KubernetesRole", "KubernetesRoleBinding",
    };

    /// <summary>Whether <paramref name="resource"/> is of the model type <paramref name="subject"/> or derives from it, or is a Kubernetes object of the subject's kinds.</summary>
    public static bool Matches(Resource resource, string subject)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (KubernetesKinds.TryGetValue(subject, out var kinds))
        {
            return resource is KubernetesObject && kinds.Contains(resource.Kind);
        }

        for (var type = resource.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            if (string.Equals(type.Name, subject, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The metadata source name (<c>sources:</c>) of a resource's source format.</summary>
    public static string SourceOf(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.SourceFormat switch
        {
            "terraform-plan" => RuleExampleSources.Terraform,
            "text" => RuleExampleSources.AnyTextFile,
            "docker-archive" or "oci-layout" => RuleExampleSources.ContainerImage,
            var format => format,
        };
    }
}
