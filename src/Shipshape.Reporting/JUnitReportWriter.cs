using System.Text;
using System.Xml;
using Shipshape.Core;

namespace Shipshape.Reporting;

/// <summary>
/// Writes JUnit XML for CI test views (GitLab, Jenkins, Azure Pipelines): one test suite per practice area,
/// one failing test case per active finding and one skipped test case per suppressed finding.
/// </summary>
/// <remarks>
/// A practice area gets a suite when one of its rules ran (it is in <see cref="ScanReport.Rules"/>) or it has a
/// finding, so an area nobody checked does not look like a pass. When the scan found nothing at all, each rule
/// that ran becomes a passing test case, so CI shows which checks ran.
/// </remarks>
public sealed class JUnitReportWriter : IReportWriter
{
    public string Format => "junit";

    public void Write(ScanReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        var settings = new XmlWriterSettings
        {
            Encoding = ReportEncoding.Utf8NoBom,
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Entitize,
            CloseOutput = false,
        };

        var suites = PracticeNames.All
            .Select(practice => (Practice: practice, Findings: report.Findings.Where(f => f.Practice == practice).ToList(),
                Rules: report.Rules.Values.Where(r => r.Practice == practice).ToList()))
            .Where(s => s.Findings.Count > 0 || s.Rules.Count > 0)
            .ToList();
        var passingRules = report.Findings.IsEmpty;

        int Tests((Practice Practice, List<Finding> Findings, List<RuleMetadata> Rules) s) =>
            passingRules ? s.Rules.Count : s.Findings.Count;

        using (var xml = XmlWriter.Create(output, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "shipshape");
            xml.WriteAttributeString("tests", ReportFacts.Invariant(suites.Sum(Tests)));
            xml.WriteAttributeString("failures", ReportFacts.Invariant(report.Active.Count()));
            xml.WriteAttributeString("errors", "0");
            var incomplete = report.Incomplete.ToList();
            xml.WriteAttributeString("skipped", ReportFacts.Invariant(report.Findings.Count(f => f.Suppressed) + incomplete.Count));

            foreach (var suite in suites)
            {
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", suite.Practice.ToTitle());
                xml.WriteAttributeString("tests", ReportFacts.Invariant(Tests(suite)));
                xml.WriteAttributeString("failures", ReportFacts.Invariant(suite.Findings.Count(f => !f.Suppressed)));
                xml.WriteAttributeString("errors", "0");
                xml.WriteAttributeString("skipped", ReportFacts.Invariant(suite.Findings.Count(f => f.Suppressed)));

                if (passingRules)
                {
                    foreach (var rule in suite.Rules)
                    {
                        xml.WriteStartElement("testcase");
                        xml.WriteAttributeString("classname", XmlText.Clean(rule.Id));
                        xml.WriteAttributeString("name", XmlText.Clean(rule.Title));
                        xml.WriteEndElement();
                    }
                }
                else
                {
                    foreach (var finding in suite.Findings)
                    {
                        WriteTestCase(xml, report, finding);
                    }
                }

                xml.WriteEndElement();
            }

            WriteCoverage(xml, incomplete);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        output.Write("\n"u8);
        output.Flush();
    }

    // What could not be fully checked is a skipped test case, so a CI test view never shows it as a pass.
    private static void WriteCoverage(XmlWriter xml, List<Diagnostic> incomplete)
    {
        if (incomplete.Count == 0)
        {
            return;
        }

        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", "Coverage");
        xml.WriteAttributeString("tests", ReportFacts.Invariant(incomplete.Count));
        xml.WriteAttributeString("failures", "0");
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", ReportFacts.Invariant(incomplete.Count));
        foreach (var diagnostic in incomplete)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", "coverage");
            xml.WriteAttributeString("name", XmlText.Clean(diagnostic.Location.ToString()));
            xml.WriteAttributeString("file", XmlText.Clean(diagnostic.Location.Path));
            xml.WriteStartElement("skipped");
            xml.WriteAttributeString("message", XmlText.Clean((diagnostic.Incomplete?.ToName() ?? "error") + ": " + diagnostic.Message));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteTestCase(XmlWriter xml, ScanReport report, Finding finding)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", XmlText.Clean(finding.RuleId));
        xml.WriteAttributeString("name", XmlText.Clean(finding.Location + " " + finding.Resource.QualifiedAddress));
        xml.WriteAttributeString("file", XmlText.Clean(finding.Location.Path));
        if (finding.Location.HasLine)
        {
            xml.WriteAttributeString("line", ReportFacts.Invariant(finding.Location.StartLine));
        }

        if (finding.Suppression is { } suppression)
        {
            xml.WriteStartElement("skipped");
            xml.WriteAttributeString("message", XmlText.Clean(
                "suppressed (" + suppression.Kind.ToName() + ")"
                + (string.IsNullOrEmpty(suppression.Reason) ? string.Empty : ": " + suppression.Reason)));
            xml.WriteEndElement();
        }
        else
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", XmlText.Clean(finding.Message));
            xml.WriteAttributeString("type", finding.Severity.ToName());
            xml.WriteString(XmlText.Clean(Details(report, finding)));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static string Details(ScanReport report, Finding finding)
    {
        var details = new StringBuilder();
        details.Append('[').Append(finding.Severity.ToName().ToUpperInvariant()).Append("] ")
            .Append(finding.RuleId).Append(' ').Append(finding.Title).Append('\n');
        details.Append("Location: ").Append(finding.Location).Append('\n');
        details.Append("Resource: ").Append(finding.Resource.QualifiedAddress).Append(" (").Append(finding.Resource.Kind).Append(')');
        if (!string.IsNullOrEmpty(finding.Resource.Path))
        {
            details.Append(' ').Append(finding.Resource.Path);
        }

        details.Append('\n').Append(finding.Message).Append('\n');
        if (ReportFacts.RemediationFor(report, finding) is { } remediation)
        {
            details.Append("Fix: ").Append(remediation.Trim()).Append('\n');
        }

        if (!finding.Equivalents.IsEmpty)
        {
            details.Append("Equivalents: ").Append(string.Join(", ", finding.Equivalents)).Append('\n');
        }

        return details.ToString();
    }
}
