using System.Text.Json;
using Shipshape.Core;

namespace Shipshape.Reporting;

/// <summary>The evaluation records in JSON: the report's <c>checks</c> section and the compliance view share it.</summary>
internal static class CheckJson
{
    /// <summary>Writes the <c>checks</c> section: resources checked per practice area and each rule's record.</summary>
    public static void WriteSection(Utf8JsonWriter json, ScanReport report)
    {
        json.WriteStartObject("checks");
        json.WriteStartObject("byPractice");
        foreach (var practice in PracticeNames.All)
        {
            json.WriteNumber(practice.ToId(), report.CheckedByPractice.GetValueOrDefault(practice));
        }

        json.WriteEndObject();
        json.WriteStartArray("rules");
        foreach (var check in report.Checks)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", check.RuleId);
            json.WriteString("practice", check.Practice.ToId());
            WriteRecord(json, check);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>One rule's counts, counts per kind and failing resources, as properties of the current object.</summary>
    public static void WriteRecord(Utf8JsonWriter json, RuleCheck check)
    {
        WriteCounts(json, check.Counts);
        json.WriteStartObject("byKind");
        foreach (var (kind, counts) in check.ByKind)
        {
            json.WriteStartObject(kind);
            WriteCounts(json, counts);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartArray("failing");
        foreach (var resource in check.Failing)
        {
            json.WriteStartObject();
            json.WriteString("path", resource.Path);
            json.WriteString("address", resource.Address);
            json.WriteString("kind", resource.Kind);
            if (resource.CoveredBy is { } coveredBy)
            {
                json.WriteString("coveredBy", coveredBy);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (check.FailingOmitted > 0)
        {
            json.WriteNumber("failingOmitted", check.FailingOmitted);
        }
    }

    public static void WriteCounts(Utf8JsonWriter json, CheckCounts counts)
    {
        json.WriteNumber("checked", counts.Checked);
        json.WriteNumber("pass", counts.Pass);
        json.WriteNumber("fail", counts.Fail);
        json.WriteNumber("notApplicable", counts.NotApplicable);
        json.WriteNumber("unresolved", counts.Unresolved);
    }
}
