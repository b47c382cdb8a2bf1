using System.Text.RegularExpressions;
using Shipshape.Core;
using Shipshape.Rules;

namespace Shipshape.Tests.Rules;

public sealed partial class RuleCatalogTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();

    [Fact]
    public void CreateDefault_BuiltInRules_HasTheDocumentedIds()
    {
        string[] expected =
        [
            "SHP-CMP-001", "SHP-CMP-002", "SHP-CMP-003", "SHP-CMP-004", "SHP-CMP-005", "SHP-CMP-006", "SHP-CMP-007",
            "SHP-CMP-100", "SHP-CMP-101", "SHP-CTR-001", "SHP-CTR-002", "SHP-CTR-003", "SHP-CTR-004", "SHP-CTR-005",
            "SHP-CTR-006", "SHP-CTR-007", "SHP-CTR-008", "SHP-CTR-009", "SHP-CTR-010", "SHP-CTR-011", "SHP-CTR-012",
            "SHP-CTR-013", "SHP-CTR-014", "SHP-CTR-015", "SHP-CTR-016", "SHP-CTR-017", "SHP-CTR-018", "SHP-CTR-019",
            "SHP-CTR-020", "SHP-CTR-021", "SHP-CTR-022", "SHP-CTR-023", "SHP-CTR-024", "SHP-CTR-025", "SHP-CTR-030",
            "SHP-CTR-031", "SHP-CTR-032", "SHP-CTR-033", "SHP-CTR-034", "SHP-CTR-035", "SHP-CTR-036", "SHP-CTR-037",
            "SHP-CTR-038", "SHP-CTR-039", "SHP-CTR-040", "SHP-CTR-041", "SHP-CTR-042", "SHP-CTR-043", "SHP-CTR-044",
            "SHP-CTR-045", "SHP-CTR-046", "SHP-CTR-047", "SHP-CTR-050", "SHP-CTR-051", "SHP-CTR-052", "SHP-CTR-053", "SHP-CTR-054", "SHP-CTR-060", "SHP-CTR-061", "SHP-CTR-062", "SHP-CTR-063", "SHP-CTR-103", "SHP-CTR-104", "SHP-CTR-108", "SHP-CTR-109", "SHP-CTR-110",
            "SHP-CTR-111", "SHP-CTR-112", "SHP-CTR-113", "SHP-CTR-114", "SHP-CTR-115", "SHP-CTR-116", "SHP-CTR-117",
            "SHP-CTR-118", "SHP-CTR-119", "SHP-CTR-120", "SHP-CTR-121", "SHP-CTR-122", "SHP-CTR-123", "SHP-CTR-124",
            "SHP-CTR-125", "SHP-CTR-126", "SHP-CTR-127", "SHP-CTR-128", "SHP-CTR-129", "SHP-CTR-130", "SHP-IAM-001",
            "SHP-IAM-002", "SHP-IAM-050", "SHP-IAM-051", "SHP-IAM-052", "SHP-IAM-053", "SHP-IAM-054", "SHP-IAM-055",
            "SHP-IAM-056", "SHP-IAM-057", "SHP-IAM-058", "SHP-IAM-100", "SHP-IAM-101", "SHP-IAM-102", "SHP-IAM-103",
            "SHP-IAM-104", "SHP-IAM-105", "SHP-IAM-106", "SHP-IAM-107", "SHP-IAM-108", "SHP-IAM-109", "SHP-IAM-110",
            "SHP-IAM-111", "SHP-IAM-112", "SHP-IAM-113", "SHP-IAM-114", "SHP-IAM-115", "SHP-IAM-116", "SHP-IAM-117",
            "SHP-IAM-118", "SHP-IAM-119", "SHP-IAM-120", "SHP-IAM-121", "SHP-IAM-122", "SHP-IAM-123", "SHP-IAM-124",
            "SHP-IAM-125", "SHP-IAM-126", "SHP-IAM-127", "SHP-IAM-128", "SHP-LOG-001", "SHP-LOG-002", "SHP-LOG-010", "SHP-LOG-011", "SHP-LOG-012",
            "SHP-LOG-013", "SHP-LOG-014", "SHP-LOG-015", "SHP-LOG-016", "SHP-LOG-017", "SHP-LOG-018", "SHP-LOG-019",
            "SHP-LOG-020", "SHP-LOG-021", "SHP-LOG-022", "SHP-LOG-023", "SHP-LOG-024", "SHP-LOG-025", "SHP-LOG-030",
            "SHP-LOG-031", "SHP-LOG-032", "SHP-LOG-040", "SHP-LOG-041", "SHP-LOG-042", "SHP-LOG-043", "SHP-LOG-044",
            "SHP-LOG-045", "SHP-LOG-046", "SHP-LOG-047", "SHP-LOG-048", "SHP-LOG-049", "SHP-LOG-050", "SHP-LOG-051",
            "SHP-LOG-052", "SHP-NET-001", "SHP-NET-002", "SHP-NET-003", "SHP-NET-004", "SHP-NET-005", "SHP-NET-006",
            "SHP-NET-007", "SHP-NET-010", "SHP-NET-011", "SHP-NET-012", "SHP-NET-013", "SHP-NET-014", "SHP-NET-015",
            "SHP-NET-016", "SHP-NET-017", "SHP-NET-018", "SHP-NET-019", "SHP-NET-020", "SHP-NET-021", "SHP-NET-022",
            "SHP-NET-023", "SHP-NET-024", "SHP-NET-025", "SHP-NET-026", "SHP-NET-027", "SHP-NET-028", "SHP-NET-029",
            "SHP-NET-030", "SHP-NET-031", "SHP-NET-032", "SHP-NET-033", "SHP-NET-034", "SHP-NET-050", "SHP-NET-051", "SHP-NET-052", "SHP-NET-053", "SHP-NET-054", "SHP-NET-055", "SHP-SEC-001",
            "SHP-SEC-002", "SHP-SEC-003", "SHP-SEC-004", "SHP-SEC-010", "SHP-SEC-011", "SHP-SEC-012", "SHP-SEC-013",
            "SHP-SEC-014", "SHP-SEC-015", "SHP-SEC-016", "SHP-SEC-017", "SHP-SEC-018", "SHP-SEC-019", "SHP-SEC-050", "SHP-SEC-100", "SHP-SEC-101",
            "SHP-SEC-102",
        ];
        Array.Sort(expected, StringComparer.Ordinal);

        Assert.Equal(expected, Catalog.Rules.Select(r => r.Id));
        Assert.Equal(expected, Catalog.Metadata.Keys);
    }

    [Fact]
    public void Rules_Ids_AreUniqueAndWellFormed()
    {
        var ids = Catalog.Rules.Select(r => r.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches(RuleIdPattern(), id));
    }

    [Fact]
    public void Metadata_EveryRule_HasAllTextFieldsAndExamples()
    {
        Assert.All(Catalog.Metadata.Values, m =>
        {
            Assert.False(string.IsNullOrWhiteSpace(m.Title), m.Id);
            Assert.False(string.IsNullOrWhiteSpace(m.Description), m.Id);
            Assert.EndsWith(".", m.Description, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', m.Description);
            Assert.False(string.IsNullOrWhiteSpace(m.Rationale), m.Id);
            Assert.False(string.IsNullOrWhiteSpace(m.Remediation), m.Id);
            Assert.NotEmpty(m.References);
            Assert.NotEmpty(m.Sources);
            // Rules only about images have no text example (an image is a binary archive): tests/Shipshape.Tests/Images builds them.
            Assert.True(!m.Examples.IsEmpty || (!string.IsNullOrWhiteSpace(m.BadExample) && !string.IsNullOrWhiteSpace(m.GoodExample))
                || m.Sources.All(s => !RuleExampleSources.NeedsExample(s)), m.Id);
        });
    }

    [Fact]
    public void Metadata_References_AreHttpsWithAwsDocumentationFirst()
    {
        Assert.All(Catalog.Metadata.Values, m =>
        {
            Assert.All(m.References, r => Assert.StartsWith("https://", r, StringComparison.Ordinal));
            Assert.StartsWith("https://docs.aws.amazon.com/", m.References[0], StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Metadata_Equivalents_AreWellFormedIdsOfKnownTools()
    {
        // Some rules have no real counterpart elsewhere: an empty list is honest, an invented ID is not.
        Assert.All(Catalog.Metadata.Values.SelectMany(m => m.Equivalents.Select(e => (m.Id, e))), x =>
            Assert.True(EquivalentPattern().IsMatch(x.e), $"{x.Id}: '{x.e}'"));
        Assert.Contains("CKV_AWS_334", Catalog.Get("SHP-CTR-001").Equivalents);
        Assert.Contains("ECS.4", Catalog.Get("SHP-CTR-001").Equivalents);
        Assert.Contains("CKV_AWS_249", Catalog.Get("SHP-IAM-002").Equivalents);
    }

    [Fact]
    public void Metadata_DockleCheckpoints_EachDeclaredByARuleOrListedAsNotChecked()
    {
        // Dockle's checkpoints as its README lists them (CIS-DI-0003, -0004 and -0011 are listed there as not checked
        // by Dockle itself). The two below have no rule here: a VOLUME over a sensitive directory, and files such as
        // .DS_Store or editor backups left in the image.
        string[] checkpoints =
        [
            "CIS-DI-0001", "CIS-DI-0002", "CIS-DI-0005", "CIS-DI-0006", "CIS-DI-0007", "CIS-DI-0008", "CIS-DI-0009", "CIS-DI-0010",
            "DKL-DI-0001", "DKL-DI-0002", "DKL-DI-0003", "DKL-DI-0004", "DKL-DI-0005", "DKL-DI-0006",
            "DKL-LI-0001", "DKL-LI-0002", "DKL-LI-0003",
        ];
        string[] notChecked = ["DKL-DI-0002", "DKL-LI-0003"];
        var declared = Catalog.Metadata.Values.SelectMany(m => m.Equivalents).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(checkpoints.Except(notChecked), checkpoints.Where(declared.Contains));
        Assert.Contains("DKL-DI-0006", Catalog.Get("SHP-CTR-007").Equivalents);
        Assert.Contains("CIS-DI-0009", Catalog.Get("SHP-CTR-111").Equivalents);
    }

    [Fact]
    public void Metadata_Frameworks_AreFrameworkColonRequirement()
    {
        Assert.All(Catalog.Metadata.Values.SelectMany(m => m.Frameworks.Select(f => (m.Id, f))), x =>
            Assert.True(FrameworkPattern().IsMatch(x.f), $"{x.Id}: '{x.f}'"));
    }

    [Fact]
    public void Metadata_SecurityHubEquivalent_AppearsAsFoundationalFramework()
    {
        Assert.All(Catalog.Metadata.Values, m =>
        {
            // Every ECS control is in the Foundational Security Best Practices standard; other services' controls
            // belong to it only in part (EC2.13 and KMS.4 come from CIS), so metadata names those where they do.
            foreach (var control in m.Equivalents.Where(e => e.StartsWith("ECS.", StringComparison.Ordinal)))
            {
                Assert.Contains($"AWS-FSBP:{control}", m.Frameworks);
            }
        });
    }

    [Fact]
    public void Metadata_TaskDefinitionExamples_AreTaskDefinitionObjects()
    {
        // What `aws ecs register-task-definition --cli-input-json` takes: an object with a family and containers.
        Assert.All(Catalog.Metadata.Values.SelectMany(m => m.Examples.Where(e => e.Source == "ecs-task-definition").Select(e => (m.Id, e))), x =>
        {
            foreach (var text in new[] { x.e.Bad, x.e.Good })
            {
                using var document = System.Text.Json.JsonDocument.Parse(text);
                Assert.Equal(System.Text.Json.JsonValueKind.Object, document.RootElement.ValueKind);
                Assert.True(document.RootElement.TryGetProperty("family", out _), x.Id);
                Assert.True(document.RootElement.TryGetProperty("containerDefinitions", out var containers), x.Id);
                Assert.All(containers.EnumerateArray(), c =>
                {
                    Assert.True(c.TryGetProperty("name", out _), x.Id);
                    Assert.True(c.TryGetProperty("image", out _), x.Id);
                });
            }
        });
    }

    [Fact]
    public void Metadata_CloudFormationExamples_AreWholeTemplates()
    {
        Assert.All(Catalog.Metadata.Values.SelectMany(m => m.Examples.Where(e => e.Source == "cloudformation").Select(e => (m.Id, e))), x =>
        {
            Assert.Contains("AWSTemplateFormatVersion", x.e.Bad, StringComparison.Ordinal);
            Assert.Contains("Resources", x.e.Bad, StringComparison.Ordinal);
            Assert.Contains("AWSTemplateFormatVersion", x.e.Good, StringComparison.Ordinal);
            Assert.Contains("Resources", x.e.Good, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Metadata_KubernetesExamples_AreWholeManifests()
    {
        Assert.All(Catalog.Metadata.Values.SelectMany(m => m.Examples.Where(e => e.Source == "kubernetes").Select(e => (m.Id, e))), x =>
        {
            foreach (var text in new[] { x.e.Bad, x.e.Good })
            {
                Assert.Matches(@"(?m)^apiVersion: ", text);
                Assert.Matches(@"(?m)^kind: ", text);
                Assert.Matches(@"(?m)^metadata:", text);
            }
        });
    }

    [Fact]
    public void Get_KnownId_ReturnsMetadataWithSeverityAndPractice()
    {
        var metadata = Catalog.Get("SHP-SEC-002");
        Assert.Equal(Severity.Critical, metadata.Severity);
        Assert.Equal(Practice.Secrets, metadata.Practice);
        Assert.Equal("Secret value in plaintext environment", metadata.Title);
    }

    [Fact]
    public void TryGet_UnknownId_ReturnsFalse()
    {
        Assert.False(Catalog.TryGet("SHP-XXX-999", out var metadata));
        Assert.Null(metadata);
        Assert.Throws<KeyNotFoundException>(() => Catalog.Get("SHP-XXX-999"));
    }

    [Fact]
    public void Constructor_RuleWithoutMetadata_Throws()
    {
        var metadata = Catalog.Metadata.Values.Where(m => m.Id != "SHP-CTR-001");
        var error = Assert.Throws<InvalidOperationException>(() => new RuleCatalog(Catalog.Rules, metadata));
        Assert.Contains("SHP-CTR-001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MetadataWithoutRule_Throws()
    {
        var rules = Catalog.Rules.Where(r => r.Id != "SHP-NET-004");
        var error = Assert.Throws<InvalidOperationException>(() => new RuleCatalog(rules, Catalog.Metadata.Values));
        Assert.Contains("SHP-NET-004", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DuplicateRule_Throws()
    {
        var rules = Catalog.Rules.Append(Catalog.Rules[0]);
        var error = Assert.Throws<InvalidOperationException>(() => new RuleCatalog(rules, Catalog.Metadata.Values));
        Assert.Contains(Catalog.Rules[0].Id, error.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^SHP-[A-Z]{3}-\d{3}$")]
    private static partial Regex RuleIdPattern();

    // Checkov, Trivy (AVD-*, KSV, DS, and tfsec's long IDs aws-service-check), Security Hub controls (ECS.n, EC2.n, CloudTrail.n, …), Hadolint DL, Dockle CIS-DI and DKL-DI/DKL-LI.
    [GeneratedRegex(@"^(?:CKV2?_(?:AWS|K8S|DOCKER|SECRET)_\d+|AVD-(?:AWS|KSV|DS)-\d{4}|KSV\d{3}|DS\d{3}|(?:ECS|EC2|ECR|EKS|ELB|EFS|KMS|IAM|CloudTrail|CloudWatch|SecretsManager|SSM)\.\d+|DL\d{4}|CIS-DI-\d{4}|DKL-(?:DI|LI)-\d{4}|gitleaks:[a-z0-9-]+|cfn_nag:[WF]\d+|aws-[a-z0-9]+(?:-[a-z0-9]+)+)$")]
    private static partial Regex EquivalentPattern();

    [GeneratedRegex(@"^(?:PCI-DSS-4\.0:\d+(?:\.\d+)*|HIPAA:164\.\d+(?:\([a-z0-9]+\))+|AWS-FSBP:[A-Za-z0-9]+\.\d+|NIST-800-190:4\.\d\.\d|CIS-DOCKER:\d+\.\d+|CIS-AWS:[1-5](?:\.\d+){1,2}|CIS-EKS:[2-5](?:\.\d+){2})$")]
    private static partial Regex FrameworkPattern();
}
