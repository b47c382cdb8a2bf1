using System.Xml.Linq;
using Shipshape.Core;
using Shipshape.Reporting;

namespace Shipshape.Tests.Reporting;

public sealed class JUnitReportWriterTests
{
    private static XElement Root(ScanReport? report = null) =>
        XDocument.Parse(ReportOutput.Text(new JUnitReportWriter(), report ?? SampleReport.Create())).Root!;

    private static string? Attr(XElement element, string name) => element.Attribute(name)?.Value;

    [Fact]
    public void Write_SampleReport_TestSuitesHasTotals()
    {
        var root = Root();

        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.Equal("shipshape", Attr(root, "name"));
        Assert.Equal("3", Attr(root, "tests"));
        Assert.Equal("2", Attr(root, "failures"));
        // One suppressed finding, and broken.json, which could not be parsed and so was not checked.
        Assert.Equal("2", Attr(root, "skipped"));
    }

    [Fact]
    public void Write_SampleReport_OneSuitePerPracticeWithRulesInChecklistOrder()
    {
        var suites = Root().Elements("testsuite").ToArray();

        Assert.Equal(
            ["Secrets management", "Host and container security", "Logging and monitoring", "Coverage"],
            suites.Select(s => Attr(s, "name")!).ToArray());
        var coverage = Assert.Single(suites[3].Elements("testcase"));
        Assert.Equal("broken.json", Attr(coverage, "file"));
        Assert.Equal("error: Unexpected token '}'.", Attr(coverage.Element("skipped")!, "message"));
        suites = suites[..3];
        Assert.Equal(["1", "1", "1"], suites.Select(s => Attr(s, "tests")!).ToArray());
        Assert.Equal(["0", "1", "1"], suites.Select(s => Attr(s, "failures")!).ToArray());
        Assert.Equal(["1", "0", "0"], suites.Select(s => Attr(s, "skipped")!).ToArray());
    }

    [Fact]
    public void Write_ActiveFinding_IsFailureWithSeverityTypeAndRemediation()
    {
        var testCase = Root().Descendants("testcase").Single(t => Attr(t, "classname") == SampleReport.PrivilegedRule);
        var failure = testCase.Element("failure")!;

        Assert.Equal("infra/app one.yaml:42 AppTaskDefinition", Attr(testCase, "name"));
        Assert.Equal("high", Attr(failure, "type"));
        Assert.Equal("Container 'web' in task definition 'app' sets privileged to true.", Attr(failure, "message"));
        Assert.Contains("Fix: Remediate SHP-CTR-001.", failure.Value, StringComparison.Ordinal);
        Assert.Contains("containerDefinitions[web].privileged", failure.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_FindingWithoutLine_NameHasPathOnly()
    {
        var testCase = Root().Descendants("testcase").Single(t => Attr(t, "classname") == SampleReport.LogRule);

        Assert.Equal("task-def.json app", Attr(testCase, "name"));
        Assert.Null(Attr(testCase, "line"));
    }

    [Fact]
    public void Write_SuppressedFinding_IsSkippedWithReason()
    {
        var testCase = Root().Descendants("testcase").Single(t => Attr(t, "classname") == SampleReport.SecretRule);

        Assert.Null(testCase.Element("failure"));
        Assert.Equal("suppressed (config): Test key, rotated", Attr(testCase.Element("skipped")!, "message"));
    }

    [Fact]
    public void Write_NoFindings_EmitsOnePassingTestCasePerRule()
    {
        var root = Root(SampleReport.Empty());
        var cases = root.Descendants("testcase").ToArray();

        Assert.Equal("3", Attr(root, "tests"));
        Assert.Equal("0", Attr(root, "failures"));
        Assert.Equal(3, cases.Length);
        Assert.All(cases, c => Assert.Empty(c.Elements()));
        Assert.Equal(
            [SampleReport.SecretRule, SampleReport.PrivilegedRule, SampleReport.LogRule],
            cases.Select(c => Attr(c, "classname")!).ToArray());
    }

    [Fact]
    public void Write_ControlCharactersInMessage_StaysWellFormed()
    {
        var text = ReportOutput.Text(new JUnitReportWriter(), SampleReport.WithMessage("a\u0001b\u001b[2Jc\ud800d <&>\"x\""));

        var failure = XDocument.Parse(text).Descendants("failure").First();
        Assert.Equal("ab[2Jcd <&>\"x\"", Attr(failure, "message"));
    }

    [Fact]
    public void Write_SampleReport_HasUtf8DeclarationAndNoBom()
    {
        var bytes = ReportOutput.Bytes(new JUnitReportWriter(), SampleReport.Create());
        var text = ReportOutput.Text(new JUnitReportWriter(), SampleReport.Create());

        Assert.Equal((byte)'<', bytes[0]);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<testsuites", text, StringComparison.Ordinal);
        Assert.EndsWith("</testsuites>\n", text, StringComparison.Ordinal);
    }
}
