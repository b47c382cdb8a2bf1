using System.Text.Json;
using Shipshape.Reporting;

namespace Shipshape.Tests.Reporting;

public sealed class JsonReportWriterTests
{
    private static JsonElement Root(Shipshape.Core.ScanReport? report = null)
    {
        using var document = JsonDocument.Parse(ReportOutput.Text(new JsonReportWriter(), report ?? SampleReport.Create()));
        return document.RootElement.Clone();
    }

    private static JsonElement FindingByRule(JsonElement root, string ruleId) =>
        root.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == ruleId);

    [Fact]
    public void Write_SampleReport_HasSchemaVersionAndTool()
    {
        var root = Root();

        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("shipshape", root.GetProperty("tool").GetProperty("name").GetString());
        Assert.Equal("0.1.0", root.GetProperty("tool").GetProperty("version").GetString());
    }

    [Fact]
    public void Write_SampleReport_SummaryCountsActiveFindingsBySeverity()
    {
        var summary = Root().GetProperty("summary");

        Assert.Equal(4, summary.GetProperty("filesScanned").GetInt32());
        Assert.Equal(6, summary.GetProperty("resources").GetInt32());
        Assert.Equal(2, summary.GetProperty("findings").GetInt32());
        Assert.Equal(1, summary.GetProperty("suppressed").GetInt32());
        var bySeverity = summary.GetProperty("bySeverity");
        Assert.Equal(
            ["critical", "high", "medium", "low", "info"],
            bySeverity.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(0, bySeverity.GetProperty("critical").GetInt32()); // the critical one is suppressed
        Assert.Equal(1, bySeverity.GetProperty("high").GetInt32());
        Assert.Equal(1, bySeverity.GetProperty("medium").GetInt32());
        Assert.Equal(0, bySeverity.GetProperty("low").GetInt32());
        Assert.Equal(0, bySeverity.GetProperty("info").GetInt32());
    }

    [Fact]
    public void Write_SampleReport_KeepsFindingOrderAndFieldOrder()
    {
        var root = Root();

        Assert.Equal(
            [SampleReport.PrivilegedRule, SampleReport.LogRule, SampleReport.SecretRule],
            root.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()!).ToArray());
        Assert.Equal(
            ["schemaVersion", "tool", "summary", "findings", "diagnostics", "checks"],
            root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(
            ["ruleId", "title", "severity", "practice", "message", "location", "resource", "equivalents", "fingerprint", "suppressed"],
            FindingByRule(root, SampleReport.PrivilegedRule).EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public void Write_FindingWithLine_HasAllFieldsWithValues()
    {
        var finding = FindingByRule(Root(), SampleReport.PrivilegedRule);

        Assert.Equal("Container runs privileged", finding.GetProperty("title").GetString());
        Assert.Equal("high", finding.GetProperty("severity").GetString());
        Assert.Equal("host-and-container", finding.GetProperty("practice").GetString());
        Assert.Equal("Container 'web' in task definition 'app' sets privileged to true.", finding.GetProperty("message").GetString());
        var location = finding.GetProperty("location");
        Assert.Equal("infra/app one.yaml", location.GetProperty("path").GetString());
        Assert.Equal(42, location.GetProperty("startLine").GetInt32());
        Assert.Equal(43, location.GetProperty("endLine").GetInt32());
        var resource = finding.GetProperty("resource");
        Assert.Equal("AppTaskDefinition", resource.GetProperty("address").GetString());
        Assert.Equal("AWS::ECS::TaskDefinition", resource.GetProperty("kind").GetString());
        Assert.Equal("containerDefinitions[web].privileged", resource.GetProperty("path").GetString());
        Assert.Equal(["CKV_AWS_334", "ECS.4"], finding.GetProperty("equivalents").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal("fp-privileged-0001", finding.GetProperty("fingerprint").GetString());
        Assert.False(finding.GetProperty("suppressed").GetBoolean());
        Assert.False(finding.TryGetProperty("suppression", out _));
    }

    [Fact]
    public void Write_FindingWithoutLine_OmitsStartAndEndLine()
    {
        var finding = FindingByRule(Root(), SampleReport.LogRule);
        var location = finding.GetProperty("location");

        Assert.Equal("task-def.json", location.GetProperty("path").GetString());
        Assert.False(location.TryGetProperty("startLine", out _));
        Assert.False(location.TryGetProperty("endLine", out _));
    }

    [Fact]
    public void Write_ResourceWithoutPath_OmitsPathAndWritesEmptyEquivalents()
    {
        var finding = FindingByRule(Root(), SampleReport.LogRule);

        Assert.False(finding.GetProperty("resource").TryGetProperty("path", out _));
        Assert.Equal(0, finding.GetProperty("equivalents").GetArrayLength());
    }

    [Fact]
    public void Write_SuppressedFinding_HasSuppressedFlagKindAndReason()
    {
        var finding = FindingByRule(Root(), SampleReport.SecretRule);

        Assert.True(finding.GetProperty("suppressed").GetBoolean());
        var suppression = finding.GetProperty("suppression");
        Assert.Equal("config", suppression.GetProperty("kind").GetString());
        Assert.Equal("Test key, rotated", suppression.GetProperty("reason").GetString());
    }

    [Fact]
    public void Write_Diagnostics_HaveSeverityNameAndLineOnlyWhenKnown()
    {
        var diagnostics = Root().GetProperty("diagnostics").EnumerateArray().ToArray();

        Assert.Equal(2, diagnostics.Length);
        Assert.Equal("broken.json", diagnostics[0].GetProperty("path").GetString());
        Assert.Equal(3, diagnostics[0].GetProperty("startLine").GetInt32());
        Assert.Equal("error", diagnostics[0].GetProperty("severity").GetString());
        Assert.Equal("Unexpected token '}'.", diagnostics[0].GetProperty("message").GetString());
        Assert.Equal("huge.yaml", diagnostics[1].GetProperty("path").GetString());
        Assert.False(diagnostics[1].TryGetProperty("startLine", out _));
        Assert.Equal("warning", diagnostics[1].GetProperty("severity").GetString());
    }

    [Fact]
    public void Write_SampleReport_IsTwoSpaceIndentedWithTrailingNewline()
    {
        var text = ReportOutput.Text(new JsonReportWriter(), SampleReport.Create());

        Assert.StartsWith("{\n  \"schemaVersion\": 1,\n  \"tool\": {\n    \"name\": \"shipshape\",", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', text);
    }

    [Fact]
    public void Write_ControlCharacterInMessage_IsEscapedAndRoundTrips()
    {
        const string message = "bad\u001b[31m\u0000value";
        var text = ReportOutput.Text(new JsonReportWriter(), SampleReport.WithMessage(message));

        Assert.DoesNotContain('\u001b', text);
        using var document = JsonDocument.Parse(text);
        Assert.Equal(message, document.RootElement.GetProperty("findings")[0].GetProperty("message").GetString());
    }
}
