using Shipshape.Core;
using Shipshape.Engine;
using Shipshape.Rules;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Secrets.Corpus;

/// <summary>
/// Every secrets finding on ../shared/corpus/realworld, triaged by hand. The true ones must stay; the false ones, each
/// with the reason, must not come back (each is also a false-positive sample in <see cref="SecretCorpus"/>).
/// </summary>
public sealed class RealWorldSecretsTriageTests
{
    // Kubernetes Secrets committed with credential values under credential keys: one finding each, at the first such value.
    private static readonly (string Path, int Line)[] TrueFindings =
    [
        ("aws-samples__eks-workshop-v2/manifests/base-application/catalog/secrets.yaml", 7),
        ("aws-samples__eks-workshop-v2/manifests/base-application/orders/secrets.yaml", 7),
        ("aws-samples__eks-workshop-v2/manifests/modules/security/sealed-secrets/new-catalog-db.yaml", 9),
        ("kubernetes__examples/_archived/persistent-volume-provisioning/rbd/ceph-secret-admin.yaml", 8),
        ("kubernetes__examples/_archived/persistent-volume-provisioning/rbd/ceph-secret-user.yaml", 8),
        ("kubernetes__examples/_archived/volumes/azure_file/secret/azure-secret.yaml", 8),
        ("kubernetes__examples/_archived/volumes/cephfs/secret/ceph-secret.yaml", 6),
        ("kubernetes__examples/_archived/volumes/iscsi/chap-secret.yaml", 15),
        ("kubernetes__examples/_archived/volumes/rbd/secret/ceph-secret.yaml", 7),
        ("kubernetes__examples/_archived/volumes/scaleio/secret.yaml", 8),
    ];

    // Reported before issue 12's fixes, judged false.
    private static readonly (string Path, int Line, string Why)[] FalseFindings =
    [
        ("GoogleCloudPlatform__kubernetes-engine-samples/ai-ml/gke-ray/rayserve/ap_falcon-40b.yaml", 78, "a file name under 'key:' in a ConfigMap volume"),
        ("GoogleCloudPlatform__kubernetes-engine-samples/ai-ml/gke-ray/rayserve/ap_falcon-7b.yaml", 71, "a file name under 'key:'"),
        ("GoogleCloudPlatform__kubernetes-engine-samples/ai-ml/gke-ray/rayserve/ap_llama2-70b.yaml", 78, "a file name under 'key:'"),
        ("GoogleCloudPlatform__kubernetes-engine-samples/ai-ml/gke-ray/rayserve/falcon-40b.yaml", 78, "a file name under 'key:'"),
        ("GoogleCloudPlatform__kubernetes-engine-samples/ai-ml/gke-ray/rayserve/falcon-7b.yaml", 71, "a file name under 'key:'"),
        ("GoogleCloudPlatform__kubernetes-engine-samples/ai-ml/gke-ray/rayserve/llama2-70b.yaml", 78, "a file name under 'key:'"),
        ("GoogleCloudPlatform__kubernetes-engine-samples/ai-ml/nemo-rl-on-gke/nemoRL/gemma3-27b-it/nim-genai-perf.yaml", 33, "--tokenizer names a model"),
        ("aws-cloudformation__aws-cloudformation-templates/CloudFormation/MacrosExamples/S3Objects/example.json", 113, "an S3 object key (a file name)"),
        ("aws-cloudformation__aws-cloudformation-templates/CloudFormation/MacrosExamples/S3Objects/example.yaml", 85, "an S3 object key (a file name)"),
        ("aws-cloudformation__aws-cloudformation-templates/Solutions/CloudFrontCustomOriginLambda@Edge/CloudFront.json", 1054, "HTTP header names under 'key:'"),
        ("aws-cloudformation__aws-cloudformation-templates/Solutions/CloudFrontCustomOriginLambda@Edge/CloudFront.yaml", 712, "an HTTP header name"),
        ("aws-cloudformation__aws-cloudformation-templates/Solutions/CloudFrontCustomOriginLambda@Edge/CloudFront.yaml", 716, "an HTTP header name"),
        ("aws-cloudformation__aws-cloudformation-templates/Solutions/CloudFrontCustomOriginLambda@Edge/CloudFront.yaml", 720, "an HTTP header name"),
        ("aws-cloudformation__aws-cloudformation-templates/Solutions/CloudFrontCustomOriginLambda@Edge/CloudFront.yaml", 724, "an HTTP header name"),
        ("aws-cloudformation__aws-cloudformation-templates/Solutions/Gitea/Gitea-pkg.json", 225, "prose in an embedded script ('the password from secrets manager')"),
        ("aws-cloudformation__aws-cloudformation-templates/Solutions/Gitea/Gitea-pkg.yaml", 135, "prose in an embedded script"),
        ("aws-cloudformation__aws-cloudformation-templates/Solutions/VPCFlowLogs/templates/VPCFlowLogs-main.cfn.yaml", 101, "a parameter name in a description"),
        ("aws-cloudformation__aws-cloudformation-templates/Solutions/VPCFlowLogs/templates/VPCFlowLogsS3.cfn.json", 66, "a parameter name in a description"),
        ("aws-cloudformation__aws-cloudformation-templates/Solutions/VPCFlowLogs/templates/VPCFlowLogsS3.cfn.yaml", 48, "a parameter name in a description"),
        ("aws-cloudformation__aws-cloudformation-templates/Solutions/WebApp/webapp.json", 1296, "S3Key: an object key (a content hash)"),
        ("aws-cloudformation__aws-cloudformation-templates/Solutions/WebApp/webapp.yaml", 717, "S3Key: an object key (a content hash)"),
        ("aws-samples__eks-workshop-v2/manifests/modules/observability/opensearch/scenarios/events/base/scenario-a.yaml", 41, "a Secret whose '.secret-file' holds 'value-2'"),
        ("kubernetes__examples/_archived/persistent-volume-provisioning/glusterfs/glusterfs-secret.yaml", 8, "'mypassword', the comment's own example"),
        ("kubernetes__examples/_archived/persistent-volume-provisioning/quobyte/quobyte-storage-class.yaml", 9, "adminSecretName names a Secret"),
        ("kubernetes__examples/_archived/volumes/storageos/storageos-secret.yaml", 7, "apiAddress: a base64 URL without credentials"),
        ("terraform-aws-modules__terraform-aws-eks/tests/user-data/main.tf", 5, "a base64 CA certificate"),
    ];

    private static readonly Lazy<ScanReport> Report = new(() => new Scanner(RuleCatalog.CreateDefault())
        .Scan(new ScanOptions { Paths = [SharedFolder.PathOf("corpus/realworld")], Scanners = ["secrets"] }).RelativeTo(SharedFolder.PathOf("corpus/realworld")));

    [SharedCorpusFact("corpus/realworld")]
    public void Scan_RealWorldCorpus_ReportsExactlyTheFindingsJudgedTrue()
    {
        var reported = Report.Value.Findings.Where(f => f.Practice == Practice.Secrets).Select(f => (f.Location.Path, f.Location.StartLine)).ToArray();

        Assert.Equal(TrueFindings, reported);
        Assert.All(Report.Value.Findings.Where(f => f.Practice == Practice.Secrets), f => Assert.Equal("SHP-SEC-102", f.RuleId));
    }

    [SharedCorpusFact("corpus/realworld")]
    public void Scan_RealWorldCorpus_NoFindingJudgedFalseComesBack()
    {
        var reported = Report.Value.Findings.Select(f => (f.Location.Path, f.Location.StartLine)).ToHashSet();

        Assert.Empty(FalseFindings.Where(f => reported.Contains((f.Path, f.Line))).Select(f => $"{f.Path}:{f.Line} ({f.Why})"));
    }
}
