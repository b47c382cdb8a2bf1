using Shipshape.Core;
using Shipshape.Rules;

namespace Shipshape.Tests.Rules;

/// <summary>The framework files and the rules' framework references agree: each link names a real requirement and a real rule.</summary>
public sealed class FrameworkTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();
    private static readonly FrameworkCatalog Frameworks = FrameworkCatalog.CreateDefault(Catalog);

    [Fact]
    public void LoadEmbedded_EveryFramework_HasNameVersionUrlAndRequirements()
    {
        Assert.Equal(["aws-fsbp", "cis-aws-foundations-3.0", "cis-docker", "cis-eks", "hipaa", "nist-800-190", "pci-dss-4.0"], Frameworks.Frameworks.Select(f => f.Id));
        Assert.All(Frameworks.Frameworks, f =>
        {
            Assert.StartsWith("https://", f.Url, StringComparison.Ordinal);
            Assert.NotEmpty(f.Version);
            Assert.NotEmpty(f.Requirements);
        });
    }

    [Fact]
    public void RuleMetadata_EveryFrameworkReference_IsARequirementOfAFrameworkFile()
    {
        var known = Frameworks.Frameworks.SelectMany(f => f.Requirements.Select(r => f.Tag + ":" + r.Id)).ToHashSet(StringComparer.Ordinal);

        var unknown = Catalog.Metadata.Values.SelectMany(m => m.Frameworks.Where(f => !known.Contains(f)).Select(f => $"{m.Id}: {f}")).ToList();

        Assert.True(unknown.Count == 0, "not in any framework file: " + string.Join(", ", unknown));
    }

    [Fact]
    public void RulesFor_EveryMappedRequirement_NamesExistingRulesThatReferToIt()
    {
        foreach (var framework in Frameworks.Frameworks)
        {
            foreach (var (requirement, rules) in Frameworks.RulesFor(framework))
            {
                Assert.All(rules, id => Assert.Contains(framework.Tag + ":" + requirement, Catalog.Get(id).Frameworks));
            }
        }

        // A requirement the metadata links to is listed with that rule: ECS.4 is the privileged-container control.
        Assert.Equal("SHP-CTR-001", Assert.Single(Frameworks.RulesFor(Frameworks.Find("aws-fsbp")!)["ECS.4"]));
    }

    [Fact]
    public void CisAwsFoundations_Sections_HoldTheBenchmarksRecommendations()
    {
        // CIS AWS Foundations Benchmark v3.0.0: 22 IAM, 9 storage, 9 logging, 16 monitoring and 6 networking
        // recommendations, 62 in all.
        var framework = Frameworks.Find("CIS-AWS")!;

        Assert.Equal("cis-aws-foundations-3.0", framework.Id);
        Assert.Equal("3.0.0", framework.Version);
        Assert.Equal([("1", 22), ("2", 9), ("3", 9), ("4", 16), ("5", 6)], framework.Sections.Select(s => (s.Id, s.Requirements.Length)));
        Assert.Equal("Ensure that EC2 Metadata Service only allows IMDSv2", framework.Requirements.Single(r => r.Id == "5.6").Title);
        Assert.Equal("Ensure that encryption is enabled for EFS file systems", framework.Requirements.Single(r => r.Id == "2.4.1").Title);

        var rules = Frameworks.RulesFor(framework);
        Assert.Equal("SHP-NET-030", Assert.Single(rules["5.6"]));
        Assert.Equal(["SHP-LOG-012", "SHP-LOG-020"], rules["3.1"].Order(StringComparer.Ordinal));
        Assert.Equal(["SHP-NET-010", "SHP-NET-011"], rules["5.3"].Order(StringComparer.Ordinal));
        Assert.Empty(rules["1.4"]);
    }

    [Fact]
    public void CisEks_Sections_HoldTheBenchmarksRecommendations()
    {
        // CIS Amazon EKS Benchmark v1.7.0, sections 2 to 5: 2 control-plane, 13 worker-node, 19 policy and 12
        // managed-services recommendations.
        var framework = Frameworks.Find("cis-eks")!;

        Assert.Equal("1.7.0", framework.Version);
        Assert.Equal([("2", 2), ("3", 13), ("4", 19), ("5", 12)], framework.Sections.Select(s => (s.Id, s.Requirements.Length)));
        Assert.Equal("Minimize the admission of containers wishing to share the host process ID namespace", framework.Requirements.Single(r => r.Id == "4.2.2").Title);

        var rules = Frameworks.RulesFor(framework);
        Assert.Equal("SHP-NET-003", Assert.Single(rules["4.2.2"]));
        Assert.Equal("SHP-NET-018", Assert.Single(rules["5.4.1"]));
        Assert.Equal("SHP-NET-029", Assert.Single(rules["5.4.2"]));
        Assert.Equal(["SHP-LOG-019", "SHP-LOG-032"], rules["2.1.1"].Order(StringComparer.Ordinal));
        Assert.All(rules.Where(r => r.Key.StartsWith("3.", StringComparison.Ordinal)), r => Assert.Empty(r.Value));
    }

    [Fact]
    public void CisDocker_Sections_MapTheRulesThatCheckEachRecommendation()
    {
        // CIS Docker Benchmark v1.6.0: all 11 recommendations of section 4, and the section 5 runtime recommendations
        // rules check, under the benchmark's numbers (5.5 privileged, 5.10 host network, 5.32 the Docker socket).
        var framework = Frameworks.Find("cis-docker")!;

        Assert.Equal([("4", 11), ("5", 12)], framework.Sections.Select(s => (s.Id, s.Requirements.Length)));
        Assert.Equal("Ensure that privileged containers are not used", framework.Requirements.Single(r => r.Id == "5.5").Title);
        Assert.Equal("Ensure that the host's network namespace is not shared", framework.Requirements.Single(r => r.Id == "5.10").Title);

        var rules = Frameworks.RulesFor(framework);
        Assert.Equal("SHP-CTR-116", Assert.Single(rules["4.7"]));
        Assert.Equal("SHP-CTR-043", Assert.Single(rules["4.8"]));
        Assert.Equal("SHP-CTR-111", Assert.Single(rules["4.9"]));
        Assert.Equal("SHP-CTR-110", Assert.Single(rules["4.11"]));
        Assert.Equal("SHP-CTR-001", Assert.Single(rules["5.5"]));
        Assert.Equal("SHP-NET-001", Assert.Single(rules["5.10"]));
        Assert.Equal("SHP-CTR-011", Assert.Single(rules["5.32"]));
        Assert.All(framework.Sections.Single(s => s.Id == "5").Requirements, r => Assert.NotEmpty(rules[r.Id]));
    }

    [Fact]
    public void PciDss_CardDataRequirements_MapOnlyRulesThatFindCardData()
    {
        // 3.3.1 is sensitive authentication data (CVV, PIN, track data), which no rule looks for; 3.5.1 is PAN rendered
        // unreadable where stored: the PAN rule, not storage-level encryption of ECR, log groups or EFS.
        var rules = Frameworks.RulesFor(Frameworks.Find("pci-dss-4.0")!);

        Assert.Empty(rules["3.3.1"]);
        Assert.Equal("SHP-CMP-100", Assert.Single(rules["3.5.1"]));
        Assert.Equal("SHP-NET-015", Assert.Single(Frameworks.RulesFor(Frameworks.Find("aws-fsbp")!)["ELB.1"]));
    }

    [Fact]
    public void AwsFoundational_ContainerServiceSections_ListTheSecurityHubControls()
    {
        var framework = Frameworks.Find("aws-fsbp")!;
        string[] Ids(string section) => [.. framework.Sections.Single(s => s.Id == section).Requirements.Select(r => r.Id)];

        Assert.Equal(["ECS.1", "ECS.2", "ECS.3", "ECS.4", "ECS.5", "ECS.8", "ECS.9", "ECS.10", "ECS.12", "ECS.16", "ECS.17", "ECS.18", "ECS.19", "ECS.20", "ECS.21"], Ids("ECS"));
        Assert.Equal(["ECR.1", "ECR.2", "ECR.3", "ECR.5"], Ids("ECR"));
        Assert.Equal(["EKS.1", "EKS.2", "EKS.3", "EKS.8"], Ids("EKS"));
        Assert.Equal(["EFS.1", "EFS.2", "EFS.3", "EFS.4", "EFS.6", "EFS.7", "EFS.8"], Ids("EFS"));
        Assert.Equal(["SecretsManager.1", "SecretsManager.2", "SecretsManager.3", "SecretsManager.4"], Ids("SecretsManager"));

        var rules = Frameworks.RulesFor(framework);
        Assert.Equal("SHP-CMP-004", Assert.Single(rules["EKS.3"]));
        Assert.Equal("SHP-SEC-013", Assert.Single(rules["KMS.5"]));
        Assert.Equal("SHP-CMP-001", Assert.Single(rules["EFS.8"]));
        Assert.Empty(rules["ECR.5"]);
    }

    [Fact]
    public void Find_ByIdOrTag_IgnoresCase()
    {
        Assert.Equal("pci-dss-4.0", Frameworks.Find("PCI-DSS-4.0")?.Id);
        Assert.Equal("aws-fsbp", Frameworks.Find("AWS-FSBP")?.Id);
        Assert.Null(Frameworks.Find("sox"));
    }

    [Fact]
    public void Parse_DuplicateRequirement_IsRejectedNamingTheFile()
    {
        const string yaml = "id: x\ntag: X\nname: X\nversion: 1\nurl: https://example.com\nsections:\n  - id: a\n    title: A\n    requirements:\n      - id: '1'\n        title: one\n      - id: '1'\n        title: again\n";

        var error = Assert.Throws<RuleMetadataException>(() => FrameworkLoader.Parse("x.yaml", yaml));

        Assert.Contains("'x.yaml' lists requirement '1' twice", error.Message, StringComparison.Ordinal);
    }
}
