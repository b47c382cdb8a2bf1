using System.Text.Json;
using Shipshape.Core;
using Shipshape.Engine;
using Shipshape.Rules;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Rules;

/// <summary>
/// The checkov Dockerfile and Kubernetes check examples (../shared/corpus/checkov) that one of our rules
/// covers: every failing resource gets a finding of that rule, no passing resource does. Where checkov's
/// expectation contradicts the Docker or Kubernetes documentation, the documentation wins and the case
/// says why in <see cref="Deviations"/>.
/// </summary>
public sealed class CheckovContainerCorpusTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();

    /// <summary>checkov check directory → our rule (or rules, comma-separated, when checkov's check spans several of ours).</summary>
    private static readonly Dictionary<string, string> Coverage = new(StringComparer.Ordinal)
    {
        ["dockerfile/ExposePort22"] = "SHP-NET-005",
        ["dockerfile/HealthcheckExists"] = "SHP-CTR-016",
        ["dockerfile/ReferenceLatestTag"] = "SHP-CTR-007",
        ["dockerfile/RootUser"] = "SHP-CTR-002",
        ["dockerfile/UserExists"] = "SHP-CTR-002",
        ["dockerfile/RunUsingSudo"] = "SHP-CTR-108",
        ["dockerfile/RunUnsafeCurl"] = "SHP-CTR-109",
        ["dockerfile/RunUnsafeWget"] = "SHP-CTR-109",
        ["dockerfile/RunPipTrustedHost"] = "SHP-CTR-109",
        ["dockerfile/RunNpmConfigSetStrictSsl"] = "SHP-CTR-109",
        ["dockerfile/RunYumConfigManagerSslVerify"] = "SHP-CTR-109",
        ["dockerfile/EnvGitSslNoVerify"] = "SHP-CTR-109",
        ["dockerfile/EnvNodeTlsRejectUnauthorized"] = "SHP-CTR-109",
        ["dockerfile/EnvNpmConfigStrictSsl"] = "SHP-CTR-109",
        ["dockerfile/EnvPipTrustedHost"] = "SHP-CTR-109",
        ["dockerfile/EnvPythonHttpsVerify"] = "SHP-CTR-109",
        ["dockerfile/RunApkAllowUntrusted"] = "SHP-CTR-110",
        ["dockerfile/RunAptGetAllowUnauthenticated"] = "SHP-CTR-110",
        ["dockerfile/RunAptGetForceYes"] = "SHP-CTR-110",
        ["dockerfile/RunRpmNoSignature"] = "SHP-CTR-110",
        ["dockerfile/RunYumNoGpgCheck"] = "SHP-CTR-110",
        // ADD of a local file is SHP-CTR-111 (use COPY); ADD of a URL is SHP-CTR-103 (unverified download).
        ["dockerfile/AddExists"] = "SHP-CTR-111,SHP-CTR-103",
        ["dockerfile/AliasIsUnique"] = "SHP-CTR-112",
        ["dockerfile/MaintainerExists"] = "SHP-CTR-113",
        ["dockerfile/RunChpasswd"] = "SHP-CTR-114",
        ["dockerfile/RunUsingAPT"] = "SHP-CTR-115",
        ["dockerfile/UpdateNotAlone"] = "SHP-CTR-116",
        ["dockerfile/WorkdirIsAbsolute"] = "SHP-CTR-117",
        ["kubernetes/PrivilegedContainers"] = "SHP-CTR-001",
        ["kubernetes/RootContainers"] = "SHP-CTR-002",
        ["kubernetes/ReadOnlyFilesystem"] = "SHP-CTR-003",
        ["kubernetes/AllowedCapabilitiesSysAdmin"] = "SHP-CTR-004",
        ["kubernetes/AllowedCapabilities"] = "SHP-CTR-004",
        ["kubernetes/MinimizeCapabilities"] = "SHP-CTR-005",
        ["kubernetes/ImageTagFixed"] = "SHP-CTR-007",
        ["kubernetes/ImageDigest"] = "SHP-CTR-008",
        ["kubernetes/MemoryLimits"] = "SHP-CTR-009",
        ["kubernetes/SharedHostNetworkNamespace"] = "SHP-NET-001",
        ["kubernetes/ShareHostPID"] = "SHP-NET-003",
        ["kubernetes/ShareHostIPC"] = "SHP-NET-004",
        ["kubernetes/AllowPrivilegeEscalation"] = "SHP-CTR-010",
        ["kubernetes/DockerSocketVolume"] = "SHP-CTR-011",
        ["kubernetes/Seccomp"] = "SHP-CTR-013",
        ["kubernetes/ServiceAccountTokens"] = "SHP-IAM-050",
    };

    /// <summary>
    /// (check directory, file or resource) → (our verdict, why the documentation disagrees with checkov's).
    /// </summary>
    private static readonly Dictionary<(string Check, string Item), (bool Finding, string Reason)> Deviations = new()
    {
        // A pod whose containers list is empty adds no capability at all; checkov fails it for want of a value.
        [("kubernetes/AllowedCapabilitiesSysAdmin", "file:pod-FAILED2.yaml")] = (false, "no containers, so no capability is added"),
        // The Pod Security Standards (restricted) require capabilities.drop to contain ALL; dropping NET_RAW alone
        // leaves the rest of Docker's default set, so SHP-CTR-005 reports it.
        [("kubernetes/MinimizeCapabilities", "file:pod-drop-NET_RAW-capabilities-PASSED.yaml")] = (true, "drop ALL is required"),
        // "spec: - containers:" is a list, not a PodSpec: the API server rejects the object, so there is no
        // container to judge; the reader notes it as a fragment instead of reporting a finding.
        [("kubernetes/RootContainers", "rootContainersFAILED-malformed-spec.yaml:Pod.default.pod1")] = (false, "malformed pod spec"),
    };

    /// <summary>
    /// Files that are not valid YAML under the YAML 1.2 specification (checkov's PyYAML accepts them): a
    /// double-quoted scalar continued on lines indented less than its block. They get a diagnostic.
    /// </summary>
    private static readonly HashSet<string> InvalidYaml = new(StringComparer.Ordinal)
    {
        "kafka-withrepo-PASSED.yaml",
        "kafka-ImageWithRepo-PASSED.yaml",
    };

    /// <summary>
    /// Files that are not Dockerfiles docker build accepts: a stray editor line ("~") that Docker rejects as an
    /// unknown instruction (Dockerfile reference, "Format"). They get a diagnostic; their other lines are still read.
    /// </summary>
    private static readonly HashSet<string> InvalidDockerfiles = new(StringComparer.Ordinal)
    {
        "dockerfile/UpdateNotAlone/failure/Dockerfile",
    };

    public static TheoryData<string> Checks() => [.. Coverage.Keys.Order(StringComparer.Ordinal)];

    [SharedCorpusTheory("corpus/checkov/dockerfile", "corpus/checkov/kubernetes")]
    [MemberData(nameof(Checks))]
    public void Scan_CheckovExamples_FailingGetAFindingPassingNone(string check)
    {
        var rules = Coverage[check].Split(',');
        var root = Path.Combine(TestPaths.Shared, "corpus", "checkov", check);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "expected.json")));
        var report = new Scanner(Catalog).Scan(new ScanOptions { Paths = [root], OnlyRules = [.. rules] }).RelativeTo(root);
        var findings = report.Findings.Where(f => rules.Contains(f.RuleId)).ToList();
        var framework = check[..check.IndexOf('/', StringComparison.Ordinal)];
        var problems = new List<string>();

        foreach (var (item, fail) in Expectations(expected.RootElement, framework))
        {
            var hit = framework == "dockerfile"
                ? findings.Any(f => string.Equals(f.Location.Path, item, StringComparison.Ordinal))
                : item.Contains(':', StringComparison.Ordinal)
                    ? findings.Any(f => Matches(f, item[(item.IndexOf(':', StringComparison.Ordinal) + 1)..], item[..item.IndexOf(':', StringComparison.Ordinal)]))
                    : findings.Any(f => Matches(f, item, null));
            var want = Deviations.TryGetValue((check, item), out var deviation) ? deviation.Finding : fail;
            if (hit != want)
            {
                problems.Add($"{item}: expected {(want ? "a finding" : "no finding")}, got {(hit ? "one" : "none")}");
            }
        }

        Assert.Empty(report.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && !InvalidYaml.Contains(d.Location.Path)
            && !InvalidDockerfiles.Contains($"{check}/{d.Location.Path}")));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>(file for Dockerfiles, or [file:]Kind.namespace.name for Kubernetes, must it fail).</summary>
    private static IEnumerable<(string Item, bool Fail)> Expectations(JsonElement root, string framework)
    {
        var failing = Ids(root, "failing_resources").ToList();
        var passing = Ids(root, "passing_resources").Where(p => !failing.Contains(p)).ToList();
        if (failing.Count == 0 && passing.Count == 0 && root.TryGetProperty("file_hints", out var hints) && hints.ValueKind == JsonValueKind.Object)
        {
            // counts_only checks: whole files marked FAILED or PASSED by name; mixed and unknown files are not asserted.
            foreach (var hint in hints.EnumerateObject())
            {
                if (hint.Value.GetString() is "fail" or "pass")
                {
                    yield return ("file:" + hint.Name, hint.Value.GetString() == "fail");
                }
            }

            yield break;
        }

        foreach (var id in failing.Distinct())
        {
            yield return (framework == "dockerfile" ? DockerfilePath(id) : id, true);
        }

        foreach (var id in passing.Distinct())
        {
            var item = framework == "dockerfile" ? DockerfilePath(id) : id;
            if (framework != "dockerfile" || !failing.Select(DockerfilePath).Contains(item))
            {
                yield return (item, false);
            }
        }
    }

    private static IEnumerable<string> Ids(JsonElement root, string name) =>
        root.TryGetProperty(name, out var list) ? list.EnumerateArray().Select(e => e.GetString()!) : [];

    /// <summary>"/failure/Dockerfile.USER" → "failure/Dockerfile".</summary>
    private static string DockerfilePath(string id) => id[..id.LastIndexOf('.')].TrimStart('/');

    /// <summary>A finding on the Kubernetes object "Kind.namespace.name" (in the given file, when known), or anywhere in a "file:" item's file.</summary>
    private static bool Matches(Finding finding, string id, string? file)
    {
        if (file == "file")
        {
            return string.Equals(finding.Location.Path, id, StringComparison.Ordinal);
        }

        var first = id.IndexOf('.', StringComparison.Ordinal);
        var second = id.IndexOf('.', first + 1);
        var address = $"{id[..first]}/{id[(first + 1)..second]}/{id[(second + 1)..]}";
        return string.Equals(finding.Resource.Address, address, StringComparison.Ordinal)
            && (file is null || string.Equals(finding.Location.Path, file, StringComparison.Ordinal));
    }
}
