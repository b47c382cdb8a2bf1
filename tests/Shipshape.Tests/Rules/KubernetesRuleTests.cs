using System.Text;
using Shipshape.Core.Model;
using Shipshape.Ingest.Compose;
using Shipshape.Ingest.Kubernetes;
using Shipshape.Ingest.Syntax;
using Shipshape.Rules;
using Shipshape.Rules.Containers;
using Shipshape.Rules.Iam;
using Shipshape.Rules.Network;
using Shipshape.Rules.Secrets;

namespace Shipshape.Tests.Rules;

/// <summary>Kubernetes and compose rules over manifests written from the Kubernetes and Compose documentation.</summary>
public sealed class KubernetesRuleTests
{
    private static List<RuleHit> Run(IRule rule, string yaml)
    {
        var parsed = StructuredParser.Parse("m.yaml", Encoding.UTF8.GetBytes(yaml));
        ManifestReaders readers = new(new KubernetesReader(), new ComposeReader());
        var resources = parsed.Roots.SelectMany(r => readers.Read(r)).ToList();
        return [.. rule.Evaluate(new ModelSet([.. resources]), RuleContext.Default)];
    }

    private static string Pod(string name, string ns, string spec, string metadata = "") =>
        $"apiVersion: v1\nkind: Pod\nmetadata:\n  name: {name}\n  namespace: {ns}\n{metadata}spec:\n{spec}";

    private const string Plain = "  containers:\n  - name: c\n    image: c:1\n";

    [Fact]
    public void PrivilegeEscalation_DefaultExplicitAndPrivileged()
    {
        Assert.Contains("allows privilege escalation", Assert.Single(Run(new AllowPrivilegeEscalationRule(), Pod("a", "d", Plain))).Message, StringComparison.Ordinal);
        Assert.Empty(Run(new AllowPrivilegeEscalationRule(), Pod("a", "d", Plain + "    securityContext:\n      allowPrivilegeEscalation: false\n")));
        // Privileged without an explicit setting is SHP-CTR-001's alone.
        Assert.Empty(Run(new AllowPrivilegeEscalationRule(), Pod("a", "d", Plain + "    securityContext:\n      privileged: true\n")));
        Assert.Single(Run(new AllowPrivilegeEscalationRule(), "services:\n  a:\n    image: a:1\n"));
        Assert.Empty(Run(new AllowPrivilegeEscalationRule(), "services:\n  a:\n    image: a:1\n    security_opt: [\"no-new-privileges:true\"]\n"));
    }

    [Theory]
    [InlineData("/var/run/docker.sock", "SHP-CTR-011")]
    [InlineData("/run/containerd/containerd.sock", "SHP-CTR-011")]
    [InlineData("/var/run/", "SHP-CTR-011")]
    [InlineData("/var/log", "SHP-CTR-012")]
    public void HostPath_SocketIsCriticalRuleOthersTheGeneralOne(string path, string rule)
    {
        var yaml = Pod("a", "d", Plain + $"  volumes:\n  - name: v\n    hostPath:\n      path: {path}\n");

        Assert.Equal(rule == "SHP-CTR-011" ? 1 : 0, Run(new RuntimeSocketMountedRule(), yaml).Count);
        Assert.Equal(rule == "SHP-CTR-012" ? 1 : 0, Run(new HostPathVolumeRule(), yaml).Count);
    }

    [Fact]
    public void Seccomp_PodLevelRuntimeDefaultCoversContainers_AnnotationsCount()
    {
        Assert.Single(Run(new SeccompUnconfinedRule(), Pod("a", "d", Plain)));
        Assert.Empty(Run(new SeccompUnconfinedRule(), Pod("a", "d", "  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n" + Plain)));
        Assert.Empty(Run(new SeccompUnconfinedRule(), Pod("a", "d", Plain, "  annotations:\n    seccomp.security.alpha.kubernetes.io/pod: runtime/default\n")));
        Assert.Empty(Run(new SeccompUnconfinedRule(), "services:\n  a:\n    image: a:1\n"));
        Assert.Single(Run(new SeccompUnconfinedRule(), "services:\n  a:\n    image: a:1\n    security_opt: [\"seccomp:unconfined\"]\n"));
        Assert.Single(Run(new AppArmorUnconfinedRule(), Pod("a", "d", Plain + "    securityContext:\n      appArmorProfile:\n        type: Unconfined\n")));
        Assert.Empty(Run(new AppArmorUnconfinedRule(), Pod("a", "d", Plain)));
    }

    [Fact]
    public void NetworkPolicy_OneFindingPerUncoveredNamespace()
    {
        var yaml = string.Join("---\n", Pod("a", "shop", Plain), Pod("b", "shop", Plain), Pod("c", "ops", Plain),
            "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\n  namespace: ops\nspec:\n  podSelector: {}\n");

        var hits = Run(new NamespaceWithoutNetworkPolicyRule(), yaml);

        // One finding, on the namespace's first workload; its other workload fails as a failure that finding covers.
        var hit = Assert.Single(hits, h => h.CoveredBy is null);
        Assert.Equal("Pod/shop/a", hit.Resource.Address);
        Assert.StartsWith("Namespace 'shop' runs 2 workloads", hit.Message, StringComparison.Ordinal);
        var covered = Assert.Single(hits, h => h.CoveredBy is not null);
        Assert.Equal("Pod/shop/b", covered.Resource.Address);
        Assert.Equal("SHP-NET-050", covered.CoveredBy);
    }

    [Theory]
    [InlineData("  type: LoadBalancer\n", "", 1)]
    [InlineData("  type: LoadBalancer\n  loadBalancerSourceRanges: [\"203.0.113.0/24\"]\n", "", 0)]
    [InlineData("  type: LoadBalancer\n", "  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-scheme: internal\n", 0)]
    [InlineData("  type: ClusterIP\n", "", 0)]
    public void LoadBalancer_PublicWithoutRanges_Hit(string spec, string metadata, int hits) =>
        Assert.Equal(hits, Run(new LoadBalancerWithoutSourceRangesRule(), $"apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n{metadata}spec:\n{spec}").Count);

    [Fact]
    public void ServiceAccountToken_PodThenServiceAccountThenDefault()
    {
        const string optOut = "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\n  namespace: d\nautomountServiceAccountToken: false\n---\n";

        Assert.Single(Run(new ServiceAccountTokenMountedRule(), Pod("a", "d", Plain)));
        Assert.Empty(Run(new ServiceAccountTokenMountedRule(), Pod("a", "d", "  automountServiceAccountToken: false\n" + Plain)));
        Assert.Empty(Run(new ServiceAccountTokenMountedRule(), optOut + Pod("a", "d", "  serviceAccountName: app\n" + Plain)));
        Assert.Single(Run(new ServiceAccountTokenMountedRule(), optOut + Pod("a", "d", "  serviceAccountName: app\n  automountServiceAccountToken: true\n" + Plain)));
    }

    [Fact]
    public void Rbac_WildcardAndSecretReaders()
    {
        const string roles = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: admin-ish
            rules:
            - apiGroups: [""]
              resources: ["pods"]
              verbs: ["*"]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: reader
              namespace: d
            rules:
            - apiGroups: [""]
              resources: ["secrets"]
              verbs: ["list"]
            - apiGroups: [""]
              resources: ["secrets"]
              resourceNames: ["tls"]
              verbs: ["get"]
            - apiGroups: [""]
              resources: ["secrets"]
              verbs: ["create"]
            """;

        Assert.Equal((8, "ClusterRole/admin-ish"), (Assert.Single(Run(new RbacWildcardRule(), roles)).Location.StartLine, Run(new RbacWildcardRule(), roles)[0].Resource.Address));
        Assert.Equal(17, Assert.Single(Run(new RoleReadsSecretsRule(), roles)).Location.StartLine);
    }

    [Fact]
    public void AwsWithoutIrsa_DefaultAccountOrUnannotated_Hit()
    {
        var aws = "  containers:\n  - name: c\n    image: c:1\n    env:\n    - name: AWS_REGION\n      value: us-east-1\n";
        const string irsa = "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\n  namespace: d\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/app\n---\n";

        Assert.Single(Run(new AwsAccessWithoutWorkloadIdentityRule(), Pod("a", "d", aws)));
        Assert.Empty(Run(new AwsAccessWithoutWorkloadIdentityRule(), irsa + Pod("a", "d", "  serviceAccountName: app\n" + aws)));
        // A named account that was not scanned may be annotated elsewhere (or have a Pod Identity association).
        Assert.Empty(Run(new AwsAccessWithoutWorkloadIdentityRule(), Pod("a", "d", "  serviceAccountName: other\n" + aws)));
        Assert.Empty(Run(new AwsAccessWithoutWorkloadIdentityRule(), Pod("a", "d", Plain)));
    }

    [Fact]
    public void SecretManifest_DataCommittedButNotTokens()
    {
        Assert.Equal(6, Assert.Single(Run(new SecretManifestWithDataRule(), "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: czNjcjN0\n")).Location.StartLine);
        Assert.Empty(Run(new SecretManifestWithDataRule(), "apiVersion: v1\nkind: Secret\nmetadata:\n  name: t\ntype: kubernetes.io/service-account-token\ndata:\n  token: eHl6\n"));
        Assert.Empty(Run(new SecretManifestWithDataRule(), "apiVersion: v1\nkind: Secret\nmetadata:\n  name: empty\ndata: {}\n"));
    }

    [Fact]
    public void RootUser_RunAsNonRootWithoutUser_NoHit()
    {
        Assert.Empty(Run(new RootUserRule(), Pod("a", "d", "  securityContext:\n    runAsNonRoot: true\n" + Plain)));
        Assert.Contains("neither runAsUser nor runAsNonRoot", Assert.Single(Run(new RootUserRule(), Pod("a", "d", Plain))).Message, StringComparison.Ordinal);
        Assert.Single(Run(new RootUserRule(), Pod("a", "d", "  securityContext:\n    runAsNonRoot: true\n    runAsUser: 0\n" + Plain)));
    }

    /// <summary>Offers each document to the Kubernetes reader, then the compose reader.</summary>
    private sealed record ManifestReaders(KubernetesReader Kubernetes, ComposeReader Compose)
    {
        public IEnumerable<Resource> Read(SyntaxNode root) =>
            Kubernetes.CanRead(root) ? Kubernetes.Read("m.yaml", root).Resources
            : Compose.CanRead(root) ? Compose.Read("m.yaml", root).Resources
            : [];
    }
}
