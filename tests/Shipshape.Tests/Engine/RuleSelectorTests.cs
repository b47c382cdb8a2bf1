using Shipshape.Engine;
using Shipshape.Engine.Configuration;
using Shipshape.Rules;
using Shipshape.Tests.Cli;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Engine;

public sealed class RuleSelectorTests
{
    private static readonly RuleSelector Selector = new(RuleCatalog.CreateDefault().Metadata);

    [Theory]
    [InlineData("SHP-CTR-001", "SHP-CTR-001")]
    [InlineData("shp-ctr-001", "SHP-CTR-001")]
    [InlineData("CKV_AWS_334", "SHP-CTR-001")] // Checkov's ID for the same check
    [InlineData("ckv_k8s_16", "SHP-CTR-001")]
    [InlineData("ECS.4", "SHP-CTR-001")] // the Security Hub control
    public void Select_AnyIdOfTheCheck_IsTheShipshapeRule(string pattern, string expected)
    {
        Assert.Equal([expected], Selector.Select([pattern], "--rule"));
    }

    [Fact]
    public void Select_WildcardsAndCommaLists_SelectEveryMatch()
    {
        var network = Selector.Select(["SHP-NET-*"], "--rule");
        var list = Selector.Select(["SHP-CTR-001, SHP-CTR-00?"], "--rule");

        Assert.NotEmpty(network);
        Assert.All(network, id => Assert.StartsWith("SHP-NET-", id, StringComparison.Ordinal));
        Assert.Contains("SHP-CTR-001", list);
        Assert.Contains("SHP-CTR-009", list);
        Assert.DoesNotContain("SHP-CTR-010", list);
    }

    [Fact]
    public void Select_UnknownId_SuggestsTheClosest()
    {
        var error = Assert.Throws<ConfigException>(() => Selector.Select(["SHP-CTR-0001"], "--skip-rule"));

        Assert.StartsWith("--skip-rule: no rule matches 'SHP-CTR-0001'; did you mean SHP-CTR-001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_SeveritySoftFailAndSkipPath_FilterAndExitAsAsked()
    {
        using var tree = new TempTree();
        tree.Write("app/task.json", """{"family": "app", "containerDefinitions": [{"name": "web", "image": "nginx", "privileged": true}]}""");
        tree.Write("legacy/task.json", """{"family": "old", "containerDefinitions": [{"name": "web", "image": "nginx", "privileged": true}]}""");

        var (failing, _, _) = await CliRunner.RunAsync("scan", tree.Root, "--quiet", "--format", "json");
        var (soft, _, _) = await CliRunner.RunAsync("scan", tree.Root, "--quiet", "--soft-fail");
        var (_, onlyHigh, _) = await CliRunner.RunAsync("scan", tree.Root, "--quiet", "--format", "json", "--severity", "high,critical", "--skip-path", "legacy/");

        Assert.Equal(1, failing);
        Assert.Equal(0, soft);
        using var json = System.Text.Json.JsonDocument.Parse(onlyHigh);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Contains(f.GetProperty("severity").GetString(), new[] { "high", "critical" }));
        Assert.All(findings, f => Assert.EndsWith("/app/task.json", f.GetProperty("location").GetProperty("path").GetString(), StringComparison.Ordinal));
    }
}
