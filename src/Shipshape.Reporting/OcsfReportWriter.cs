using System.Text.Json;
using Shipshape.Core;

namespace Shipshape.Reporting;

/// <summary>
/// Writes OCSF 1.3.0 Detection Finding events (class_uid 2004, category_uid 2 Findings, activity Create), one JSON
/// object per line (JSON Lines), the shape log pipelines, Amazon Security Lake custom-source jobs and SIEMs ingest.
/// </summary>
public sealed class OcsfReportWriter : IReportWriter
{
    public const string SchemaVersion = "1.3.0";
    public const int CategoryUid = 2;
    public const int ClassUid = 2004;
    public const int ActivityCreate = 1;
    public const int TypeUid = ClassUid * 100 + ActivityCreate;

    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JsonReportWriter.Options.Encoder };

    private readonly SecurityFindingOptions options;

    /// <summary>A writer stamping events with <see cref="SecurityFindingOptions.Time"/> and, when given, the AWS account and Region.</summary>
    public OcsfReportWriter(SecurityFindingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
    }

    public string Format => "ocsf";

    public void Write(ScanReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        var time = options.Time.ToUnixTimeMilliseconds();
        foreach (var finding in report.Findings)
        {
            using (var json = new Utf8JsonWriter(output, Compact))
            {
                WriteEvent(json, report, finding, time);
            }

            output.WriteByte((byte)'\n');
        }

        foreach (var input in ReportFacts.IncompleteInputs(report))
        {
            using (var json = new Utf8JsonWriter(output, Compact))
            {
                WriteIncomplete(json, report, input, time);
            }

            output.WriteByte((byte)'\n');
        }

        output.Flush();
    }

    /// <summary>OCSF severity_id: 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical (6 Fatal is not used).</summary>
    public static int SeverityId(Severity severity) => severity switch
    {
        Severity.Critical => 5,
        Severity.High => 4,
        Severity.Medium => 3,
        Severity.Low => 2,
        _ => 1,
    };

    private static string SeverityCaption(Severity severity) => severity switch
    {
        Severity.Critical => "Critical",
        Severity.High => "High",
        Severity.Medium => "Medium",
        Severity.Low => "Low",
        _ => "Informational",
    };

    private bool Cloud => AwsTarget.IsAccountId(options.AwsAccountId) || AwsTarget.IsRegion(options.AwsRegion);

    /// <summary>The class, category, activity, type, severity, status and time attributes every event carries.</summary>
    private static void WriteClassification(Utf8JsonWriter json, Severity severity, bool suppressed, long time)
    {
        json.WriteNumber("activity_id", ActivityCreate);
        json.WriteString("activity_name", "Create");
        json.WriteNumber("category_uid", CategoryUid);
        json.WriteString("category_name", "Findings");
        json.WriteNumber("class_uid", ClassUid);
        json.WriteString("class_name", "Detection Finding");
        json.WriteNumber("type_uid", TypeUid);
        json.WriteString("type_name", "Detection Finding: Create");
        json.WriteNumber("severity_id", SeverityId(severity));
        json.WriteString("severity", SeverityCaption(severity));
        json.WriteNumber("status_id", suppressed ? 3 : 1);
        json.WriteString("status", suppressed ? "Suppressed" : "New");
        json.WriteNumber("time", time);
    }

    private void WriteMetadata(Utf8JsonWriter json, ScanReport report)
    {
        json.WriteStartObject("metadata");
        json.WriteString("version", SchemaVersion);
        json.WriteStartObject("product");
        json.WriteString("name", "Shipshape");
        json.WriteString("vendor_name", "Shipshape");
        json.WriteString("version", report.ToolVersion);
        json.WriteString("url_string", SarifReportWriter.InformationUri);
        json.WriteEndObject();
        if (Cloud)
        {
            json.WriteStartArray("profiles");
            json.WriteStringValue("cloud");
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    /// <summary>The cloud profile's object, when the account or Region is known.</summary>
    private void WriteCloud(Utf8JsonWriter json)
    {
        if (!Cloud)
        {
            return;
        }

        json.WriteStartObject("cloud");
        json.WriteString("provider", "AWS");
        if (AwsTarget.IsAccountId(options.AwsAccountId))
        {
            json.WriteStartObject("account");
            json.WriteString("uid", options.AwsAccountId);
            json.WriteString("type", "AWS Account");
            json.WriteNumber("type_id", 10);
            json.WriteEndObject();
        }

        if (AwsTarget.IsRegion(options.AwsRegion))
        {
            json.WriteString("region", options.AwsRegion);
        }

        json.WriteEndObject();
    }

    private void WriteEvent(Utf8JsonWriter json, ScanReport report, Finding finding, long time)
    {
        var rule = ReportFacts.RuleFor(report, finding);
        var path = report.Source?.Relative(finding.Location.Path) ?? finding.Location.Path;
        var documentation = ReportFacts.RuleDocumentationUri(finding.RuleId);

        json.WriteStartObject();
        WriteClassification(json, finding.Severity, finding.Suppressed, time);
        json.WriteString("message", NonBlank(finding.Message, finding.Title, finding.RuleId));
        WriteMetadata(json, report);
        WriteCloud(json);

        json.WriteStartObject("finding_info");
        json.WriteString("uid", AsffReportWriter.FindingId(finding.Fingerprint));
        json.WriteString("title", NonBlank(finding.Title, finding.RuleId));
        json.WriteString("desc", NonBlank(rule.Description, finding.Message, finding.Title));
        json.WriteStartArray("types");
        foreach (var type in AsffReportWriter.TypesFor(rule))
        {
            json.WriteStringValue(type);
        }

        json.WriteEndArray();
        json.WriteString("src_url", documentation);
        json.WriteStartObject("analytic");
        json.WriteString("uid", finding.RuleId);
        json.WriteString("name", NonBlank(rule.Title, finding.RuleId));
        json.WriteNumber("type_id", 1);
        json.WriteString("type", "Rule");
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("resources");
        json.WriteStartObject();
        json.WriteString("uid", AsffReportWriter.ResourceId(path, finding.Resource));
        json.WriteString("name", finding.Resource.Address == finding.Location.Path ? path : finding.Resource.QualifiedAddress);
        json.WriteString("type", finding.Resource.Kind);
        if (AwsTarget.IsRegion(options.AwsRegion))
        {
            json.WriteString("cloud_partition", AwsTarget.Partition(options.AwsRegion!));
            json.WriteString("region", options.AwsRegion);
        }

        json.WriteStartObject("data");
        json.WriteString("path", path);
        if (finding.Location.HasLine)
        {
            json.WriteNumber("start_line", finding.Location.StartLine);
            json.WriteNumber("end_line", Math.Max(finding.Location.StartLine, finding.Location.EndLine));
        }

        if (finding.Resource.Path is { } property)
        {
            json.WriteString("property_path", property);
        }

        if (finding.Resource.Module is { } module)
        {
            json.WriteString("terraform_root_module", module.RootDirectory);
            json.WriteString("terraform_module", module.Address);
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartObject("remediation");
        json.WriteString("desc", NonBlank(rule.Remediation, "See " + documentation));
        json.WriteStartArray("references");
        json.WriteStringValue(documentation);
        foreach (var reference in rule.References.Where(r => r.StartsWith("https://", StringComparison.Ordinal)))
        {
            json.WriteStringValue(reference);
        }

        json.WriteEndArray();
        json.WriteEndObject();

        // Detection Finding has no compliance attribute in OCSF 1.3 (Compliance Finding, 2003, has): the framework
        // requirements go to unmapped, in the shape of OCSF's compliance object.
        json.WriteStartObject("unmapped");
        json.WriteString("rule_id", finding.RuleId);
        json.WriteString("fingerprint", finding.Fingerprint);
        json.WriteString("practice", finding.Practice.ToId());
        if (!finding.Equivalents.IsEmpty)
        {
            json.WriteStartArray("equivalents");
            foreach (var equivalent in finding.Equivalents)
            {
                json.WriteStringValue(equivalent);
            }

            json.WriteEndArray();
        }

        if (!rule.Frameworks.IsEmpty)
        {
            json.WriteStartObject("compliance");
            json.WriteStartArray("standards");
            foreach (var standard in rule.Frameworks.Select(Framework).Distinct(StringComparer.Ordinal))
            {
                json.WriteStringValue(standard);
            }

            json.WriteEndArray();
            json.WriteStartArray("requirements");
            foreach (var requirement in rule.Frameworks)
            {
                json.WriteStringValue(requirement);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        if (finding.Suppression is { } suppression)
        {
            json.WriteStartObject("suppression");
            json.WriteString("kind", suppression.Kind.ToName());
            if (!string.IsNullOrWhiteSpace(suppression.Reason))
            {
                json.WriteString("reason", suppression.Reason);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>An input the scan did not fully check, as an informational finding: a partial scan never looks clean.</summary>
    private void WriteIncomplete(Utf8JsonWriter json, ScanReport report, (string Path, bool Skipped, string Message) input, long time)
    {
        var path = report.Source?.Relative(input.Path) ?? input.Path;
        var what = input.Skipped ? "Not checked" : "Checked only in part";
        json.WriteStartObject();
        WriteClassification(json, Severity.Info, suppressed: false, time);
        json.WriteString("message", NonBlank(input.Message, what));
        WriteMetadata(json, report);
        WriteCloud(json);
        json.WriteStartObject("finding_info");
        json.WriteString("uid", ReportFacts.IncompleteId(path));
        json.WriteString("title", $"{what} by Shipshape: {path}");
        json.WriteString("desc", NonBlank(input.Message, what));
        json.WriteStartArray("types");
        json.WriteStringValue("Software and Configuration Checks");
        json.WriteEndArray();
        json.WriteStartObject("analytic");
        json.WriteString("uid", "shipshape/incomplete");
        json.WriteString("name", "Input not fully checked");
        json.WriteNumber("type_id", 1);
        json.WriteString("type", "Rule");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("resources");
        json.WriteStartObject();
        json.WriteString("uid", path);
        json.WriteString("name", path);
        json.WriteString("type", "file");
        json.WriteStartObject("data");
        json.WriteString("path", path);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("unmapped");
        json.WriteString("incomplete", input.Skipped ? "skipped" : "partial");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Framework(string requirement)
    {
        var colon = requirement.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? requirement : requirement[..colon];
    }

    private static string NonBlank(params string[] candidates) =>
        candidates.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c)) ?? "(none)";
}
