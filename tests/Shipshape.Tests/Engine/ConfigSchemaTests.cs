using System.Text;
using System.Text.Json;
using NJsonSchema;
using Shipshape.Core;
using Shipshape.Engine.Configuration;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Engine;

/// <summary>The JSON schema shipped for editors (docs/shipshape.schema.json) and the loader agree on what a configuration is.</summary>
public sealed class ConfigSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(TestPaths.RepoRoot, "docs", "shipshape.schema.json");

    // JSON is YAML, so one text serves both the schema and the loader.
    private const string Full = """
        {
          "failOn": "medium", "severity": ["high", "critical"], "softFail": true, "failOnIncomplete": true,
          "scanners": ["misconfig", "secrets"], "maxFileSize": "5MB", "fileTimeout": "30s",
          "trustedRegistries": ["ghcr.io/my-org"], "exclude": ["legacy/**"], "foreignSuppressions": false,
          "rules": { "disable": ["CKV_AWS_334", "SHP-NET-*"], "severity": { "SHP-CTR-008": "info" } },
          "ignore": [ { "rule": "SHP-CTR-002", "path": "deploy/*.json", "reason": "tracked in SEC-123", "expires": "2027-03-31" } ]
        }
        """;

    [Fact]
    public void Schema_TopLevelKeys_AreTheLoadersSettings()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));

        var keys = schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Equal(ConfigLoader.KnownSettings, keys);
    }

    [Fact]
    public async Task Schema_FullConfiguration_IsValidAndLoadsWithEveryValue()
    {
        var schema = await JsonSchema.FromFileAsync(SchemaPath);

        var errors = schema.Validate(Full);
        var config = ConfigLoader.Parse(".shipshape.yaml", Encoding.UTF8.GetBytes(Full));

        Assert.Empty(errors);
        Assert.Equal(Severity.Medium, config.FailOn);
        Assert.Equal(new[] { Severity.High, Severity.Critical }, config.Severities.ToArray());
        Assert.True(config.SoftFail);
        Assert.True(config.FailOnIncomplete);
        Assert.False(config.ForeignSuppressions);
        Assert.Equal(new[] { "misconfig", "secrets" }, config.Scanners.ToArray());
        Assert.Equal(TimeSpan.FromSeconds(30), config.FileTimeout);
        Assert.Equal(5L * 1024 * 1024, config.MaxFileBytes);
    }

    [Theory]
    [InlineData("""{"failOnn": "high"}""")]
    [InlineData("""{"severity": ["urgent"]}""")]
    [InlineData("""{"softFail": "yes"}""")]
    [InlineData("""{"scanners": ["vulns"]}""")]
    public async Task Schema_WrongConfiguration_IsRefusedByBothTheSchemaAndTheLoader(string text)
    {
        var schema = await JsonSchema.FromFileAsync(SchemaPath);

        Assert.NotEmpty(schema.Validate(text));
        Assert.Throws<ConfigException>(() => ConfigLoader.Parse(".shipshape.yaml", Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public async Task Cli_SettingsFromTheConfiguration_ApplyLikeTheirOptions()
    {
        using var tree = new TempTree();
        tree.Write("task.json", """{"family": "app", "containerDefinitions": [{"name": "web", "image": "nginx", "privileged": true}]}""");
        tree.Write(".shipshape.yaml", "softFail: true\nseverity: [critical]\n");

        var (code, stdout, _) = await Shipshape.Tests.Cli.CliRunner.RunAsync("scan", tree.Root, "--format", "json", "--quiet");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.All(json.RootElement.GetProperty("findings").EnumerateArray(), f => Assert.Equal("critical", f.GetProperty("severity").GetString()));
    }
}
