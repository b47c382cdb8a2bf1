using System.Text.Encodings.Web;
using System.Text.Json;
using Shipshape.Core;

namespace Shipshape.Reporting;

/// <summary>Writes the JSON report, schemaVersion 1, exactly as the outside contract describes it.</summary>
public sealed class JsonReportWriter : IReportWriter
{
    /// <summary>The schema version this writer produces; bump it only with a contract change.</summary>
    public const int SchemaVersion = 1;

    public string Format => "json";

    public void Write(ScanReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        using (var json = new Utf8JsonWriter(output, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SchemaVersion);

            json.WriteStartObject("tool");
            json.WriteString("name", "shipshape");
            json.WriteString("version", report.ToolVersion);
            json.WriteEndObject();

            WriteSummary(json, report.Summary);

            json.WriteStartArray("findings");
            foreach (var finding in report.Findings)
            {
                WriteFinding(json, finding);
            }

            json.WriteEndArray();

            json.WriteStartArray("diagnostics");
            foreach (var diagnostic in report.Diagnostics)
            {
                WriteDiagnostic(json, diagnostic);
            }

            json.WriteEndArray();

            // Additive to schemaVersion 1: what every rule checked, so a report can say what holds, not only what fails.
            CheckJson.WriteSection(json, report);
            json.WriteEndObject();
        }

        output.Write("\n"u8);
        output.Flush();
    }

    // Relaxed escaping keeps quotes and non-ASCII text readable; the output is a file, never embedded in HTML.
    internal static JsonWriterOptions Options { get; } = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static void WriteSummary(Utf8JsonWriter json, ScanSummary summary)
    {
        json.WriteStartObject("summary");
        json.WriteNumber("filesScanned", summary.FilesScanned);
        json.WriteNumber("resources", summary.Resources);
        json.WriteNumber("findings", summary.Findings);
        json.WriteStartObject("bySeverity");
        foreach (var severity in SeverityNames.Descending)
        {
            json.WriteNumber(severity.ToName(), summary.BySeverity.GetValueOrDefault(severity));
        }

        json.WriteEndObject();
        json.WriteNumber("suppressed", summary.Suppressed);
        json.WriteStartObject("incomplete");
        json.WriteNumber("notChecked", summary.NotChecked);
        json.WriteNumber("partlyChecked", summary.PartlyChecked);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>A called Terraform module's resource: the root module's directory and the calls, outermost first, each with its caller's line.</summary>
    private static void WriteModule(Utf8JsonWriter json, ModuleChain module)
    {
        json.WriteStartObject("module");
        json.WriteString("root", module.RootDirectory);
        json.WriteString("address", module.Address);
        json.WriteStartArray("calls");
        foreach (var call in module.Calls)
        {
            json.WriteStartObject();
            json.WriteString("address", call.Address);
            if (call.Call is { } span)
            {
                json.WriteStartObject("location");
                WritePathAndLines(json, span, withEndLine: false);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter json, Finding finding)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteString("title", finding.Title);
        json.WriteString("severity", finding.Severity.ToName());
        json.WriteString("practice", finding.Practice.ToId());
        json.WriteString("message", finding.Message);

        json.WriteStartObject("location");
        WritePathAndLines(json, finding.Location, withEndLine: true);
        json.WriteEndObject();

        json.WriteStartObject("resource");
        json.WriteString("address", finding.Resource.Address);
        json.WriteString("kind", finding.Resource.Kind);
        if (finding.Resource.DisplayName is not null)
        {
            json.WriteString("displayName", finding.Resource.DisplayName);
        }

        if (finding.Resource.Path is not null)
        {
            json.WriteString("path", finding.Resource.Path);
        }

        if (finding.Resource.Module is { } module)
        {
            WriteModule(json, module);
        }

        json.WriteEndObject();

        json.WriteStartArray("equivalents");
        foreach (var equivalent in finding.Equivalents)
        {
            json.WriteStringValue(equivalent);
        }

        json.WriteEndArray();
        json.WriteString("fingerprint", finding.Fingerprint);
        json.WriteBoolean("suppressed", finding.Suppressed);
        if (finding.Suppression is { } suppression)
        {
            json.WriteStartObject("suppression");
            json.WriteString("kind", suppression.Kind.ToName());
            if (suppression.Reason is not null)
            {
                json.WriteString("reason", suppression.Reason);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteDiagnostic(Utf8JsonWriter json, Diagnostic diagnostic)
    {
        json.WriteStartObject();
        WritePathAndLines(json, diagnostic.Location, withEndLine: false);
        json.WriteString("severity", diagnostic.Severity.ToName());
        json.WriteString("message", diagnostic.Message);
        if (diagnostic.Incomplete is { } incomplete)
        {
            json.WriteString("incomplete", incomplete.ToName());
        }

        json.WriteEndObject();
    }

    // Lines are written only when known: the contract forbids inventing a line, and 0 is not a line.
    private static void WritePathAndLines(Utf8JsonWriter json, SourceSpan span, bool withEndLine)
    {
        json.WriteString("path", span.Path);
        if (!span.HasLine)
        {
            return;
        }

        json.WriteNumber("startLine", span.StartLine);
        if (withEndLine)
        {
            json.WriteNumber("endLine", Math.Max(span.StartLine, span.EndLine));
        }
    }
}
