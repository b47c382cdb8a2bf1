using System.Collections.Immutable;
using Shipshape.Core.Model;
using Shipshape.Ingest.Ecs;
using Shipshape.Rules;
using Shipshape.Tests.Support;

namespace Shipshape.Tests.Rules;

/// <summary>
/// Rules over task definitions written from the Amazon ECS documentation, read through the ECS adapter:
/// every expected hit is asserted at the exact line of the offending value (or of the enclosing object when
/// the field is absent), and nothing else is reported.
/// </summary>
public sealed class EcsFixtureRuleTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.CreateDefault();

    [Fact]
    public void GoodFixture_AllRules_NoHits()
    {
        var (_, model) = Load("good-hardened.json");
        var hits = Catalog.Rules.SelectMany(r => r.Evaluate(model, RuleContext.Default).Select(h => $"{r.Id}: {h.Message}")).ToList();
        Assert.Empty(hits);
    }

    public static TheoryData<string, string[]> InsecureExpectations => new()
    {
        // Rule, then the text on each line a hit must point at, in order; "-1:" means the line above it
        // (a container's opening brace, where its span starts).
        { "SHP-CTR-001", ["\"privileged\": true"] },
        { "SHP-CTR-002", ["\"user\": \"root\"", "\"name\": \"sidecar\""] },
        { "SHP-CTR-003", ["\"readonlyRootFilesystem\": false", "\"name\": \"sidecar\""] },
        { "SHP-CTR-004", ["\"SYS_ADMIN\""] },
        { "SHP-CTR-005", ["\"capabilities\": {", "\"name\": \"sidecar\""] },
        { "SHP-CTR-006", ["\"image\": \"httpd:latest\""] },
        { "SHP-CTR-007", ["\"image\": \"httpd:latest\"", "/sidecar\""] },
        { "SHP-CTR-008", ["\"image\": \"httpd:latest\"", "/sidecar\""] },
        { "SHP-CTR-009", ["\"name\": \"web\""] },
        { "SHP-NET-001", ["\"networkMode\": \"host\""] },
        { "SHP-NET-002", [] },
        { "SHP-NET-003", ["\"pidMode\": \"host\""] },
        { "SHP-NET-004", ["\"ipcMode\": \"host\""] },
        { "SHP-NET-005", ["\"containerPort\": 22"] },
        { "SHP-NET-006", ["\"transitEncryption\": \"DISABLED\""] },
        { "SHP-NET-007", ["\"efsVolumeConfiguration\": {"] },
        { "SHP-SEC-001", ["\"DB_PASSWORD\""] },
        { "SHP-SEC-002", ["\"BUILD_SETTING\""] },
        { "SHP-SEC-003", ["\"valueFrom\": \"https://"] },
        { "SHP-LOG-001", ["-1:\"name\": \"sidecar\""] },
        { "SHP-LOG-002", ["\"logDriver\": \"splunk\""] },
        { "SHP-IAM-001", [] },
        { "SHP-IAM-002", ["\"taskRoleArn\""] },
    };

    [Theory]
    [MemberData(nameof(InsecureExpectations))]
    public void InsecureFixture_Rule_HitsAtOffendingLines(string ruleId, string[] markers)
    {
        var (text, model) = Load("bad-insecure.json");
        var hits = Run(ruleId, model);
        Assert.Equal(markers.Select(m => LineOf(text, m)), hits.Select(h => h.Location.StartLine));
        Assert.All(hits, h => Assert.Equal("ecs/bad-insecure.json", h.Location.Path));
        Assert.All(hits, h => Assert.Contains("task definition 'insecure-web'", h.Message, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void InsecureFixture_Secrets_MessagesNeverContainTheValues()
    {
        var (_, model) = Load("bad-insecure.json");
        var messages = Run("SHP-SEC-001", model).Concat(Run("SHP-SEC-002", model)).Select(h => h.Message).ToList();
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m =>
        {
            Assert.DoesNotContain("correct-horse-battery", m, StringComparison.Ordinal);
            Assert.DoesNotContain("Z3MHQWNN5YPKC7TR", m, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void InsecureFixture_PropertyPaths_NameTheOffendingFields()
    {
        var (_, model) = Load("bad-insecure.json");
        Assert.Equal("containerDefinitions[web].privileged", Assert.Single(Run("SHP-CTR-001", model)).PropertyPath);
        Assert.Equal("containerDefinitions[web].linuxParameters.capabilities.add[0]", Assert.Single(Run("SHP-CTR-004", model)).PropertyPath);
        Assert.Equal("containerDefinitions[sidecar].logConfiguration", Assert.Single(Run("SHP-LOG-001", model)).PropertyPath);
        Assert.Equal("volumes[shared].efsVolumeConfiguration.transitEncryption", Assert.Single(Run("SHP-NET-006", model)).PropertyPath);
        Assert.Equal("taskRoleArn", Assert.Single(Run("SHP-IAM-002", model)).PropertyPath);
    }

    [Fact]
    public void FirelensFixture_LogRouting_FlagsOnlyTheNonCloudWatchOutput()
    {
        var (text, model) = Load("firelens-routing.json");
        var hit = Assert.Single(Run("SHP-LOG-002", model));
        Assert.Equal(LineOf(text, "\"Name\": \"datadog\""), hit.Location.StartLine);
        Assert.Equal("Container 'metrics' in task definition 'firelens-example-cloudwatch' sends its logs through FireLens to the 'datadog' output, not to CloudWatch Logs.", hit.Message);
        Assert.Empty(Run("SHP-LOG-001", model));
    }

    [Fact]
    public void FirelensFixture_RootUser_SkipsLogRouterAndAgent()
    {
        var (text, model) = Load("firelens-routing.json");
        var task = Assert.Single(model.OfType<TaskDefinition>());
        Assert.Equal(
            [ContainerRole.LogRouter, ContainerRole.Application, ContainerRole.Application, ContainerRole.MonitoringAgent],
            task.Containers.Select(c => c.Role));
        var hits = Run("SHP-CTR-002", model);
        Assert.Equal([LineOf(text, "\"name\": \"app\""), LineOf(text, "\"name\": \"metrics\"")], hits.Select(h => h.Location.StartLine));
    }

    private static ImmutableArray<RuleHit> Run(string ruleId, ModelSet model) =>
        [.. Catalog.Rules.Single(r => r.Id == ruleId).Evaluate(model, RuleContext.Default)];

    private static (string Text, ModelSet Model) Load(string name)
    {
        var bytes = File.ReadAllBytes(TestPaths.Fixture("ecs", name));
        var result = EcsTaskDefinitionReader.Read("ecs/" + name, bytes);
        Assert.Empty(result.Diagnostics);
        Assert.Single(result.Resources);
        return (System.Text.Encoding.UTF8.GetString(bytes), new ModelSet(result.Resources));
    }

    /// <summary>The 1-based line holding <paramref name="marker"/>, which must occur exactly once.</summary>
    private static int LineOf(string text, string marker)
    {
        if (marker.StartsWith("-1:", StringComparison.Ordinal))
        {
            return LineOf(text, marker[3..]) - 1;
        }

        var lines = text.Split('\n');
        var found = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(marker, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 1, $"marker '{marker}' occurs {found.Count} times");
        return found[0] + 1;
    }
}
