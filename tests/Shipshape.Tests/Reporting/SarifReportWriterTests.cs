using System.Text.Json;
using NJsonSchema;
using Shipshape.Core;
using Shipshape.Reporting;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Reporting;

public sealed class SarifReportWriterTests
{
    private static readonly Lazy<Task<JsonSchema>> Schema = new(() => JsonSchema.FromFileAsync(TestPaths.SarifSchema));

    private static JsonElement Run(ScanReport? report = null)
    {
        using var document = JsonDocument.Parse(ReportOutput.Text(new SarifReportWriter(), report ?? SampleReport.Create()));
        return document.RootElement.GetProperty("runs")[0].Clone();
    }

    private static JsonElement ResultByRule(JsonElement run, string ruleId) =>
        run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == ruleId);

    private static async Task AssertValidAsync(ScanReport report)
    {
        var schema = await Schema.Value;
        var errors = schema.Validate(ReportOutput.Text(new SarifReportWriter(), report));

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.ToString())));
    }

    [Fact]
    public async Task Write_SampleReport_ValidatesAgainstSarifSchema() => await AssertValidAsync(SampleReport.Create());

    [Fact]
    public async Task Schema_ResultWithoutMessage_ReportsError()
    {
        // Guards the validation tests: the schema must really be enforced, not silently ignored.
        var schema = await Schema.Value;
        var text = ReportOutput.Text(new SarifReportWriter(), SampleReport.Create())
            .Replace("\"message\": {\n            \"text\": \"Container 'web' in task definition 'app' sets privileged to true.\"\n          },", "", StringComparison.Ordinal);

        Assert.DoesNotContain("sets privileged to true.\"", text, StringComparison.Ordinal);
        Assert.NotEmpty(schema.Validate(text));
    }

    [Fact]
    public async Task Write_TerraformModuleFindings_ValidateAgainstSarifSchema()
    {
        var configuration = SampleReport.Privileged with
        {
            Location = new SourceSpan("modules/ecs-task/main.tf", 22, 7, 22, 24),
            Resource = new ResourceRef("module.api.module.tasks.aws_ecs_task_definition.app", "aws_ecs_task_definition", "container_definitions[app].privileged", Module: new ModuleChain("envs/prod",
            [
                new ModuleCall("module.api", new SourceSpan("envs/prod/main.tf", 5, 1, 5, 0)),
                new ModuleCall("module.api.module.tasks", new SourceSpan("modules/ecs-service/main.tf", 5, 1, 5, 0)),
            ])),
        };
        var plan = configuration with
        {
            Location = new SourceSpan("envs/prod/plan.json", 30, 1, 30, 0),
            Resource = configuration.Resource with { Module = new ModuleChain("envs/prod", [new ModuleCall("module.api", null), new ModuleCall("module.api.module.tasks", null)]) },
        };
        var report = SampleReport.Create() with { Findings = [configuration, plan] };

        await AssertValidAsync(report);
        var results = Run(report).GetProperty("results");
        Assert.Equal(2, results[0].GetProperty("relatedLocations").GetArrayLength());
        Assert.False(results[1].TryGetProperty("relatedLocations", out _));
        Assert.Equal("module.api.module.tasks", results[1].GetProperty("properties").GetProperty("terraformModule").GetString());
    }

    [Fact]
    public async Task Write_EmptyReport_ValidatesAgainstSarifSchema() => await AssertValidAsync(SampleReport.Empty());

    [Fact]
    public async Task Write_InlineSuppressionAndRuleMissingFromCatalogue_ValidatesAgainstSarifSchema()
    {
        var orphan = SampleReport.NoLogs with { RuleId = "SHP-X-999", Title = "Uncatalogued", Suppression = new Suppression(SuppressionKind.Inline, null) };
        await AssertValidAsync(SampleReport.Create() with { Findings = [SampleReport.Privileged, orphan] });
    }

    [Fact]
    public void Write_SampleReport_HasHeaderAndDriver()
    {
        using var document = JsonDocument.Parse(ReportOutput.Text(new SarifReportWriter(), SampleReport.Create()));
        var root = document.RootElement;
        var driver = root.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");

        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", root.GetProperty("$schema").GetString());
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Equal(1, root.GetProperty("runs").GetArrayLength());
        Assert.Equal("shipshape", driver.GetProperty("name").GetString());
        Assert.Equal("0.1.0", driver.GetProperty("version").GetString());
        Assert.Equal("https://github.com/shipshape-sec/shipshape", driver.GetProperty("informationUri").GetString());
    }

    [Fact]
    public void Write_Rules_ListedOnceSortedByIdWithDescriptions()
    {
        var rules = Run().GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToArray();

        Assert.Equal(
            [SampleReport.PrivilegedRule, SampleReport.LogRule, SampleReport.SecretRule],
            rules.Select(r => r.GetProperty("id").GetString()!).ToArray());
        var privileged = rules[0];
        Assert.Equal("ContainerRunsPrivileged", privileged.GetProperty("name").GetString());
        Assert.Equal("Container runs privileged", privileged.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.Equal("Finds: Container runs privileged.", privileged.GetProperty("fullDescription").GetProperty("text").GetString());
        Assert.Equal("error", privileged.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Equal("https://github.com/shipshape-sec/shipshape/blob/main/docs/rules/SHP-CTR-001.md", privileged.GetProperty("helpUri").GetString());
        var help = privileged.GetProperty("help");
        Assert.Contains("Rationale for SHP-CTR-001.", help.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("Remediate SHP-CTR-001.", help.GetProperty("text").GetString(), StringComparison.Ordinal);
        var markdown = help.GetProperty("markdown").GetString()!;
        Assert.Contains("## Remediation\n\nRemediate SHP-CTR-001.", markdown, StringComparison.Ordinal);
        Assert.Contains("- <https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html>", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Rules_HaveSecuritySeverityAsStringTagsAndPrecision()
    {
        var rules = Run().GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToArray();
        var properties = rules[0].GetProperty("properties");

        Assert.Equal(JsonValueKind.String, properties.GetProperty("security-severity").ValueKind);
        Assert.Equal("8.0", properties.GetProperty("security-severity").GetString());
        Assert.Equal("5.5", rules[1].GetProperty("properties").GetProperty("security-severity").GetString());
        Assert.Equal("9.5", rules[2].GetProperty("properties").GetProperty("security-severity").GetString());
        Assert.Equal(
            ["security", "host-and-container", "CKV_AWS_334", "ECS.4"],
            properties.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToArray());
        Assert.Equal("high", properties.GetProperty("precision").GetString());
    }

    [Fact]
    public void Write_Results_RuleIndexPointsAtTheirRule()
    {
        var run = Run();
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var results = run.GetProperty("results").EnumerateArray().ToArray();

        Assert.Equal(3, results.Length);
        Assert.Equal([0, 1, 2], results.Select(r => r.GetProperty("ruleIndex").GetInt32()).ToArray());
        foreach (var result in results)
        {
            var index = result.GetProperty("ruleIndex").GetInt32();
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[index].GetProperty("id").GetString());
        }
    }

    [Fact]
    public void Write_RuleWithSeveralResults_IsListedOnce()
    {
        var second = SampleReport.Privileged with { Location = new SourceSpan("z.yaml", 1, 1, 1, 1), Fingerprint = "fp-z" };
        var run = Run(SampleReport.Create() with { Findings = [SampleReport.Privileged, SampleReport.NoLogs, second] });

        Assert.Equal(2, run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength());
        Assert.Equal([0, 1, 0], run.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleIndex").GetInt32()).ToArray());
    }

    [Fact]
    public void Write_FindingWithLine_HasPhysicalLocationWithRegion()
    {
        var location = ResultByRule(Run(), SampleReport.PrivilegedRule).GetProperty("locations")[0];
        var physical = location.GetProperty("physicalLocation");

        Assert.Equal("infra/app%20one.yaml", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", physical.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal(42, physical.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(43, physical.GetProperty("region").GetProperty("endLine").GetInt32());
        var logical = location.GetProperty("logicalLocations")[0];
        Assert.Equal("AppTaskDefinition", logical.GetProperty("fullyQualifiedName").GetString());
        Assert.Equal("resource", logical.GetProperty("kind").GetString());
    }

    [Fact]
    public void Write_FindingWithoutLine_HasNoRegion()
    {
        var physical = ResultByRule(Run(), SampleReport.LogRule).GetProperty("locations")[0].GetProperty("physicalLocation");

        Assert.Equal("task-def.json", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.False(physical.TryGetProperty("region", out _));
    }

    [Fact]
    public void Write_Results_HaveLevelMessageAndPartialFingerprint()
    {
        var result = ResultByRule(Run(), SampleReport.PrivilegedRule);

        Assert.Equal("error", result.GetProperty("level").GetString());
        Assert.Equal("Container 'web' in task definition 'app' sets privileged to true.", result.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal("fp-privileged-0001", result.GetProperty("partialFingerprints").GetProperty("shipshapeFingerprint/v1").GetString());
        Assert.Equal("warning", ResultByRule(Run(), SampleReport.LogRule).GetProperty("level").GetString());
    }

    [Theory]
    [InlineData(Severity.Critical, "error")]
    [InlineData(Severity.High, "error")]
    [InlineData(Severity.Medium, "warning")]
    [InlineData(Severity.Low, "note")]
    [InlineData(Severity.Info, "note")]
    public void Level_Severity_MapsToSarifLevel(Severity severity, string expected) =>
        Assert.Equal(expected, SarifReportWriter.Level(severity));

    [Fact]
    public void Write_ConfigSuppressedFinding_HasExternalSuppressionWithJustification()
    {
        var result = ResultByRule(Run(), SampleReport.SecretRule);
        var suppression = result.GetProperty("suppressions")[0];

        Assert.Equal("external", suppression.GetProperty("kind").GetString());
        Assert.Equal("Test key, rotated", suppression.GetProperty("justification").GetString());
        Assert.False(ResultByRule(Run(), SampleReport.PrivilegedRule).TryGetProperty("suppressions", out _));
    }

    [Fact]
    public void Write_InlineSuppressedFinding_HasInSourceSuppression()
    {
        var inline = SampleReport.Secret with { Suppression = new Suppression(SuppressionKind.Inline, null) };
        var result = ResultByRule(Run(SampleReport.Create() with { Findings = [inline] }), SampleReport.SecretRule);
        var suppression = result.GetProperty("suppressions")[0];

        Assert.Equal("inSource", suppression.GetProperty("kind").GetString());
        Assert.False(suppression.TryGetProperty("justification", out _));
    }

    [Fact]
    public void Write_Diagnostics_BecomeToolExecutionNotifications()
    {
        var invocation = Run().GetProperty("invocations")[0];
        var notifications = invocation.GetProperty("toolExecutionNotifications").EnumerateArray().ToArray();

        Assert.True(invocation.GetProperty("executionSuccessful").GetBoolean());
        Assert.Equal(2, notifications.Length);
        Assert.Equal("error", notifications[0].GetProperty("level").GetString());
        Assert.Equal("Unexpected token '}'.", notifications[0].GetProperty("message").GetProperty("text").GetString());
        var physical = notifications[0].GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("broken.json", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(3, physical.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal("warning", notifications[1].GetProperty("level").GetString());
        Assert.False(notifications[1].GetProperty("locations")[0].GetProperty("physicalLocation").TryGetProperty("region", out _));
    }

    [Fact]
    public void Write_SampleReport_DeclaresSourceRootWithoutAbsoluteUri()
    {
        var root = Run().GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%");

        Assert.False(root.TryGetProperty("uri", out _));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("description").GetProperty("text").GetString()));
    }

    [Theory]
    [InlineData("infra/app.yaml", "infra/app.yaml")]
    [InlineData("infra/my app/a b.yaml", "infra/my%20app/a%20b.yaml")]
    [InlineData("c:odd/x#1.json", "c%3Aodd/x%231.json")]
    [InlineData("dir\\win.json", "dir/win.json")]
    [InlineData("répertoire/ü.tf", "r%C3%A9pertoire/%C3%BC.tf")]
    public void ToUriReference_Path_IsRelativePercentEncodedReference(string path, string expected)
    {
        var uri = SarifReportWriter.ToUriReference(path);

        Assert.Equal(expected, uri);
        Assert.True(Uri.TryCreate(uri, UriKind.Relative, out _));
    }
}
