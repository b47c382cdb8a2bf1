using System.Text;
using Shipshape.Core.Model;
using Shipshape.Ingest.Kubernetes;
using Shipshape.Ingest.Syntax;

namespace Shipshape.Tests.Ingest.Kubernetes;

/// <summary>Manifests written from the Kubernetes API reference and "Configure a Security Context for a Pod or Container".</summary>
public sealed class KubernetesReaderTests
{
    private static List<Shipshape.Core.Model.Resource> Read(string yaml)
    {
        var parsed = StructuredParser.Parse("k8s.yaml", Encoding.UTF8.GetBytes(yaml));
        var reader = new KubernetesReader();
        return [.. parsed.Roots.Where(reader.CanRead).SelectMany(r => reader.Read("k8s.yaml", r).Resources)];
    }

    private const string SecurityContextDemo = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: security-context-demo-2
        spec:
          securityContext:
            runAsUser: 1000
            runAsNonRoot: true
            seccompProfile:
              type: RuntimeDefault
          containers:
          - name: sec-ctx-demo-2
            image: gcr.io/google-samples/hello-app:2.0
            securityContext:
              runAsUser: 2000
              allowPrivilegeEscalation: false
          - name: sidecar
            image: busybox:1.36
            securityContext:
              seccompProfile:
                type: Unconfined
        """;

    [Fact]
    public void Read_ContainerAndPodSecurityContext_ContainerWinsPodFillsIn()
    {
        var pod = Assert.IsType<KubernetesWorkload>(Assert.Single(Read(SecurityContextDemo)));
        var (demo, sidecar) = (pod.Containers[0], pod.Containers[1]);

        Assert.Equal(("Pod/default/security-context-demo-2", "default"), (pod.Address, pod.Namespace));
        Assert.Equal(("2000", 15), (demo.User.Current, demo.User.Span.StartLine));
        Assert.Equal(("1000", 7), (sidecar.User.Current, sidecar.User.Span.StartLine));
        Assert.Equal("spec.securityContext.runAsUser", sidecar.User.Path);
        Assert.True(sidecar.RunAsNonRoot!.Current);
        Assert.Equal(("RuntimeDefault", "Unconfined"), (demo.SeccompProfile!.Current, sidecar.SeccompProfile!.Current));
        Assert.Equal((false, true), (demo.AllowPrivilegeEscalation!.Current, sidecar.AllowPrivilegeEscalation!.Current));
        Assert.True(sidecar.AllowPrivilegeEscalation.IsDefaulted);
    }

    [Fact]
    public void Read_NothingSet_KubernetesDefaults()
    {
        var pod = Assert.IsType<KubernetesWorkload>(Assert.Single(Read("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: team\nspec:\n  containers:\n  - name: c\n    image: nginx\n")));
        var c = pod.Containers[0];

        Assert.Equal(("Pod/team/p", false, false, false), (pod.Address, pod.HostNetwork.Current, pod.HostPid.Current, pod.HostIpc.Current));
        Assert.True(pod.HostNetwork.IsDefaulted);
        Assert.Equal(("default", (bool?)null), (pod.ServiceAccountName.Current, pod.AutomountServiceAccountToken.Current));
        Assert.Equal((false, false, true), (c.Privileged.Current, c.ReadonlyRootFilesystem.Current, c.AllowPrivilegeEscalation!.Current));
        Assert.Equal(("Unconfined", "RuntimeDefault"), (c.SeccompProfile!.Current, c.AppArmorProfile!.Current));
        Assert.True(c.SeccompProfile.IsDefaulted);
        Assert.Null(c.User.Current);
        Assert.Null(c.MemoryLimitMiB.Current);
        Assert.Equal(8, c.User.Span.StartLine);
    }

    [Fact]
    public void Read_CronJobWithInitContainerEnvVolumesAndLimits_MapsEveryField()
    {
        const string yaml = """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: backup
              namespace: ops
            spec:
              schedule: "0 * * * *"
              jobTemplate:
                spec:
                  template:
                    metadata:
                      annotations:
                        container.apparmor.security.beta.kubernetes.io/backup: unconfined
                    spec:
                      hostPID: true
                      automountServiceAccountToken: false
                      serviceAccountName: backup
                      initContainers:
                      - name: init
                        image: busybox:1.36
                      containers:
                      - name: backup
                        image: 111122223333.dkr.ecr.us-east-1.amazonaws.com/backup:1.0
                        env:
                        - name: MODE
                          value: full
                        - name: DB_PASSWORD
                          valueFrom:
                            secretKeyRef:
                              name: db
                              key: password
                        ports:
                        - containerPort: 22
                          hostPort: 2222
                        resources:
                          limits:
                            memory: 1Gi
                          requests:
                            memory: 512M
                        volumeMounts:
                        - name: sock
                          mountPath: /var/run/docker.sock
                      volumes:
                      - name: sock
                        hostPath:
                          path: /var/run/docker.sock
            """;

        var job = Assert.IsType<KubernetesWorkload>(Assert.Single(Read(yaml)));
        var backup = job.Containers[1];

        Assert.Equal(("spec.jobTemplate.spec.template.spec", 2), (job.PodSpecPath, job.Containers.Length));
        Assert.Equal("spec.jobTemplate.spec.template.spec.initContainers[init]", job.Containers[0].Path);
        Assert.Equal((true, (bool?)false, "backup"), (job.HostPid.Current, job.AutomountServiceAccountToken.Current, job.ServiceAccountName.Current));
        Assert.Equal([("MODE", "full")], backup.Environment.Select(e => (e.Name.Current, e.Val.Current)));
        Assert.Equal(("DB_PASSWORD", "db/password"), (backup.Secrets[0].Name.Current, backup.Secrets[0].ValueFrom.Current));
        Assert.Equal((22, 2222), (backup.PortMappings[0].ContainerPort.Current, backup.PortMappings[0].HostPort.Current));
        Assert.Equal((1024, 489), (backup.MemoryLimitMiB.Current, backup.MemoryReservationMiB.Current));
        Assert.Equal(("Unconfined", 13), (backup.AppArmorProfile!.Current, backup.AppArmorProfile.Span.StartLine));
        Assert.Equal("/var/run/docker.sock", Assert.Single(job.Volumes).HostPath!.Current);
    }

    [Fact]
    public void Read_OtherKinds_ServiceRoleSecretServiceAccount()
    {
        const string yaml = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              type: LoadBalancer
              loadBalancerSourceRanges: ["10.0.0.0/8"]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: reader
            rules:
            - apiGroups: [""]
              resources: ["secrets"]
              verbs: ["get"]
              resourceNames: ["a"]
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: db
            data:
              password: czNjcjN0
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: app
              annotations:
                eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/app
            """;

        var objects = Read(yaml).Cast<KubernetesObject>().ToList();

        Assert.Equal(["Service/default/web", "ClusterRole/reader", "Secret/default/db", "ServiceAccount/default/app"], objects.Select(o => o.Address));
        Assert.Equal(("LoadBalancer", "10.0.0.0/8"), (objects[0].Type!.Current, objects[0].LoadBalancerSourceRanges[0].Current));
        Assert.Equal(("secrets", "a"), (objects[1].Rules[0].Resources[0].Current, objects[1].Rules[0].ResourceNames[0].Current));
        Assert.Equal(("password", "czNjcjN0", "Opaque"), (objects[2].Data[0].Name.Current, objects[2].Data[0].Val.Current, objects[2].Type!.Current));
        Assert.Equal("arn:aws:iam::111122223333:role/app", objects[3].Annotation("eks.amazonaws.com/role-arn"));
        Assert.True(objects[3].AutomountServiceAccountToken!.IsDefaulted);
    }

    [Fact]
    public void CanRead_NotKubernetes_False()
    {
        var reader = new KubernetesReader();
        var parsed = StructuredParser.Parse("x.yaml", Encoding.UTF8.GetBytes("kind: Deployment\nspec: {}\n---\napiVersion: v1\nkind: Widget\n---\nservices:\n  a: {}\n"));

        Assert.All(parsed.Roots, r => Assert.False(reader.CanRead(r)));
    }

    [Fact]
    public void Read_KustomizePatchWithoutImages_SkippedWithNote()
    {
        var parsed = StructuredParser.Parse("patch.yaml", Encoding.UTF8.GetBytes("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        env:\n        - name: MODE\n          value: debug\n"));

        var result = new KubernetesReader().Read("patch.yaml", parsed.Roots[0]);

        Assert.Empty(result.Resources);
        var note = Assert.Single(result.Diagnostics);
        Assert.Equal((Shipshape.Core.DiagnosticSeverity.Info, 1), (note.Severity, note.Location.StartLine));
        Assert.Contains("patch", note.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("512Mi", 512)]
    [InlineData("1Gi", 1024)]
    [InlineData("1G", 954)]
    [InlineData("128974848", 123)]
    [InlineData("129e6", 124)]
    [InlineData("0.5Gi", 512)]
    [InlineData("64Ki", 1)]
    public void MiB_Quantities_RoundedUp(string quantity, int mib) => Assert.Equal(mib, KubernetesQuantity.MiB(quantity));

    [Theory]
    [InlineData("")]
    [InlineData("lots")]
    [InlineData("1 Gi")]
    [InlineData("-1Gi")]
    public void MiB_NotAQuantity_Null(string text) => Assert.Null(KubernetesQuantity.MiB(text));
}
