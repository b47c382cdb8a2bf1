using System.Text;
using Shipshape.Engine;
using Shipshape.Engine.Configuration;
using Shipshape.Rules;

namespace Shipshape.Tests.Engine;

/// <summary>Standard input as a scan path ("-"), and inline suppression comments in Dockerfiles, compose files and manifests.</summary>
public sealed class StandardInputAndSuppressionTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();

    private static Shipshape.Core.ScanReport ScanStdin(string text, params string[] rules) =>
        new Scanner(Catalog).Scan(new ScanOptions
        {
            Paths = ["-"],
            OnlyRules = [.. rules],
            StandardInput = () => new MemoryStream(Encoding.UTF8.GetBytes(text)),
        });

    [Fact]
    public void Scan_StandardInputManifests_ReadAsOneFileSniffedByContent()
    {
        const string rendered = "---\n# Source: chart/templates/deployment.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          securityContext:\n            privileged: true\n";

        var report = ScanStdin(rendered, "SHP-CTR-001");

        var finding = Assert.Single(report.Findings);
        Assert.Equal(("<stdin>", 14, "Deployment/default/web"), (finding.Location.Path, finding.Location.StartLine, finding.Resource.Address));
        Assert.Equal(1, report.FilesScanned);
    }

    [Fact]
    public void Scan_StandardInputDockerfile_SniffedAsDockerfile()
    {
        var report = ScanStdin("ARG BASE=alpine\nFROM ${BASE}:3.20\nEXPOSE 22\n", "SHP-NET-005");

        Assert.Equal(("<stdin>", 3), (Assert.Single(report.Findings).Location.Path, report.Findings[0].Location.StartLine));
    }

    [Fact]
    public void Scan_DashWithoutStandardInput_ConfigError()
    {
        var error = Assert.Throws<ConfigException>(() => new Scanner(Catalog).Scan(new ScanOptions { Paths = ["-"] }));

        Assert.Contains("standard input", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FROM alpine:3.20\n# shipshape:ignore SHP-NET-005 bastion image, reviewed\nEXPOSE 22\n", "SHP-NET-005")]
    [InlineData("services:\n  app:\n    image: app:1\n    # shipshape:ignore SHP-CTR-001 needs /dev/kvm\n    privileged: true\n", "SHP-CTR-001")]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  # shipshape:ignore SHP-NET-001 CNI agent\n  hostNetwork: true\n  containers:\n    - name: c\n      image: c:1\n", "SHP-NET-001")]
    public void Scan_InlineSuppressionComment_SuppressesInEveryFormat(string text, string rule)
    {
        var report = ScanStdin(text, rule);

        var finding = Assert.Single(report.Findings);
        Assert.NotNull(finding.Suppression);
        Assert.Equal(Shipshape.Core.SuppressionKind.Inline, finding.Suppression.Kind);
    }
}
