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
        Assert.Equal(["aws-fsbp", "cis-docker", "hipaa", "nist-800-190", "pci-dss-4.0"], Frameworks.Frameworks.Select(f => f.Id));
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
