using System.Globalization;
using System.Text.Json;

namespace Shipshape.Tests.Reporting;

/// <summary>
/// The ASFF rules of the AWS Security Hub documentation that a record must meet, checked on the JSON: the required
/// top-level attributes (AwsAccountId, CreatedAt, Description, GeneratorId, Id, ProductArn, Resources, SchemaVersion,
/// Severity, Title, Types, UpdatedAt) and their types, the documented lengths and counts, the Types taxonomy's
/// namespaces, and the enumerations of Severity.Label, RecordState, Workflow.Status and Compliance.Status.
/// </summary>
internal static class AsffChecker
{
    public static readonly string[] Namespaces =
        ["Software and Configuration Checks", "TTPs", "Effects", "Unusual Behaviors", "Sensitive Data Identifications"];

    // The categories the taxonomy defines for the namespaces this writer uses.
    private static readonly Dictionary<string, string[]> Categories = new(StringComparer.Ordinal)
    {
        ["Software and Configuration Checks"] = ["Vulnerabilities", "AWS Security Best Practices", "Industry and Regulatory Standards"],
        ["Sensitive Data Identifications"] = ["PII", "Passwords", "Legal", "Financial", "Security", "Business"],
    };

    private static readonly string[] StandardsClassifiers =
    [
        "AWS Foundational Security Best Practices", "CIS Host Hardening Benchmarks", "CIS AWS Foundations Benchmark", "PCI-DSS",
        "Cloud Security Alliance Controls", "ISO 90001 Controls", "ISO 27001 Controls", "ISO 27017 Controls", "ISO 27018 Controls",
        "SOC 1", "SOC 2", "HIPAA Controls (USA)", "NIST 800-53 Controls (USA)", "NIST CSF Controls (USA)",
    ];

    public static List<string> Check(JsonElement record)
    {
        var errors = new List<string>();
        void Require(bool condition, string message)
        {
            if (!condition)
            {
                errors.Add(message);
            }
        }

        string? Text(string name, int min, int max)
        {
            if (!record.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
            {
                errors.Add($"{name}: required string missing");
                return null;
            }

            var text = value.GetString()!;
            Require(text.Length >= min && text.Length <= max && text.Trim().Length > 0, $"{name}: length {text.Length} outside {min}..{max} or blank");
            return text;
        }

        Require(record.ValueKind == JsonValueKind.Object, "a finding is an object");
        if (record.ValueKind != JsonValueKind.Object)
        {
            return errors;
        }

        Require(Text("SchemaVersion", 1, 64) == "2018-10-08", "SchemaVersion is 2018-10-08");
        Text("Id", 1, 512);
        Text("GeneratorId", 1, 512);
        var account = Text("AwsAccountId", 12, 12);
        Require(account is not null && account.All(char.IsAsciiDigit), "AwsAccountId: 12 digits");
        var product = Text("ProductArn", 12, 2048);
        Require(product is not null && account is not null
            && System.Text.RegularExpressions.Regex.IsMatch(product, $"^arn:aws(-cn|-us-gov|-eusc|-iso|-iso-b)?:securityhub:[a-z0-9-]+:{account}:product/{account}/default$"),
            "ProductArn: a custom integration's default product ARN of the same account");
        Text("Title", 1, 256);
        Text("Description", 1, 1024);
        foreach (var name in (string[])["CreatedAt", "UpdatedAt"])
        {
            Require(DateTimeOffset.TryParseExact(Text(name, 20, 40), ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.fff'Z'"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
                $"{name}: an ISO 8601 UTC timestamp");
        }

        if (record.TryGetProperty("Severity", out var severity) && severity.ValueKind == JsonValueKind.Object
            && severity.TryGetProperty("Label", out var label) && label.ValueKind == JsonValueKind.String)
        {
            Require(label.GetString() is "INFORMATIONAL" or "LOW" or "MEDIUM" or "HIGH" or "CRITICAL", $"Severity.Label: '{label.GetString()}' is not a label");
        }
        else
        {
            errors.Add("Severity.Label: required");
        }

        CheckTypes(record, "Types", errors);
        if (record.TryGetProperty("FindingProviderFields", out var provider))
        {
            CheckTypes(provider, "Types", errors);
        }

        if (record.TryGetProperty("Resources", out var resources) && resources.ValueKind == JsonValueKind.Array)
        {
            Require(resources.GetArrayLength() is >= 1 and <= 32, "Resources: 1 to 32");
            foreach (var resource in resources.EnumerateArray())
            {
                Require(resource.TryGetProperty("Type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString()!.Length is >= 1 and <= 256, "Resources[].Type: required string");
                Require(resource.TryGetProperty("Id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString()!.Length is >= 1 and <= 512, "Resources[].Id: required string of at most 512");
                if (resource.TryGetProperty("Region", out var region))
                {
                    Require(region.GetString()!.Length <= 16, "Resources[].Region: at most 16");
                }

                if (resource.TryGetProperty("Details", out var details) && details.TryGetProperty("Other", out var other))
                {
                    var fields = other.EnumerateObject().ToList();
                    Require(fields.Count <= 50, "Details.Other: at most 50 fields");
                    Require(fields.All(f => f.Name.Length < 128 && f.Value.ValueKind == JsonValueKind.String && f.Value.GetString()!.Length < 1024),
                        "Details.Other: string values, keys under 128 and values under 1,024 characters");
                }
            }
        }
        else
        {
            errors.Add("Resources: required array");
        }

        if (record.TryGetProperty("ProductFields", out var productFields))
        {
            var fields = productFields.EnumerateObject().ToList();
            Require(fields.Count <= 50, "ProductFields: at most 50");
            Require(fields.All(f => f.Name.Length <= 128 && f.Value.ValueKind == JsonValueKind.String && f.Value.GetString()!.Length <= 2048),
                "ProductFields: string values, keys of at most 128 and values of at most 2,048 characters");
        }

        if (record.TryGetProperty("Remediation", out var remediation))
        {
            var text = remediation.GetProperty("Recommendation").GetProperty("Text").GetString()!;
            Require(text.Length <= 512, "Remediation.Recommendation.Text: at most 512");
        }

        if (record.TryGetProperty("Compliance", out var compliance))
        {
            Require(compliance.GetProperty("Status").GetString() is "PASSED" or "WARNING" or "FAILED" or "NOT_AVAILABLE", "Compliance.Status: an enumerated value");
            if (compliance.TryGetProperty("RelatedRequirements", out var requirements))
            {
                Require(requirements.GetArrayLength() <= 32, "Compliance.RelatedRequirements: at most 32");
            }
        }

        if (record.TryGetProperty("RecordState", out var state))
        {
            Require(state.GetString() is "ACTIVE" or "ARCHIVED", "RecordState: ACTIVE or ARCHIVED");
        }

        if (record.TryGetProperty("Workflow", out var workflow))
        {
            Require(workflow.GetProperty("Status").GetString() is "NEW" or "NOTIFIED" or "RESOLVED" or "SUPPRESSED", "Workflow.Status: an enumerated value");
        }

        Require(System.Text.Encoding.UTF8.GetByteCount(record.GetRawText()) <= 240 * 1024, "a finding is at most 240 KB");
        return errors;
    }

    private static void CheckTypes(JsonElement owner, string name, List<string> errors)
    {
        if (!owner.TryGetProperty(name, out var types) || types.ValueKind != JsonValueKind.Array || types.GetArrayLength() is < 1 or > 50)
        {
            errors.Add($"{name}: required array of 1 to 50 types");
            return;
        }

        foreach (var type in types.EnumerateArray().Select(t => t.GetString() ?? string.Empty))
        {
            var parts = type.Split('/');
            if (parts.Length > 3 || !Namespaces.Contains(parts[0]))
            {
                errors.Add($"{name}: '{type}' is not namespace/category/classifier with a documented namespace");
                continue;
            }

            if (parts.Length >= 2 && Categories.TryGetValue(parts[0], out var categories) && !categories.Contains(parts[1]))
            {
                errors.Add($"{name}: '{type}' has a category the taxonomy does not define");
            }

            if (parts.Length == 3 && parts[1] == "Industry and Regulatory Standards" && !StandardsClassifiers.Contains(parts[2]))
            {
                errors.Add($"{name}: '{type}' has a classifier the taxonomy does not define");
            }
        }
    }
}
