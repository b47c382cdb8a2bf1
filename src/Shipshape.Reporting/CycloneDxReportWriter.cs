using System.Text.Json;
using Shipshape.Core;
using Shipshape.Core.Inventory;

namespace Shipshape.Reporting;

/// <summary>
/// Writes the scan's inventories as a CycloneDX 1.6 JSON BOM: the one image or source tree is metadata.component (with
/// several, each is a component holding its own), its distribution an operating-system component, and every package a
/// library with its package URL. The serial number is derived from the content; the timestamp is the export time, when given.
/// </summary>
public sealed class CycloneDxReportWriter : IReportWriter
{
    public const string SpecVersion = "1.6";

    private readonly DateTimeOffset? time;

    /// <param name="time">metadata.timestamp (now, or SOURCE_DATE_EPOCH); null leaves it out.</param>
    public CycloneDxReportWriter(DateTimeOffset? time = null) => this.time = time;

    public string Format => "cyclonedx";

    public void Write(ScanReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var refs = new HashSet<string>(StringComparer.Ordinal);
        using var json = new Utf8JsonWriter(output, JsonReportWriter.Options);
        json.WriteStartObject();
        json.WriteString("$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json");
        json.WriteString("bomFormat", "CycloneDX");
        json.WriteString("specVersion", SpecVersion);
        json.WriteString("serialNumber", "urn:uuid:" + SbomSubjects.ContentUuid(report, Format));
        json.WriteNumber("version", 1);
        json.WriteStartObject("metadata");
        if (time is { } when)
        {
            json.WriteString("timestamp", SbomSubjects.Timestamp(when));
        }

        json.WriteStartObject("tools");
        json.WriteStartArray("components");
        json.WriteStartObject();
        json.WriteString("type", "application");
        json.WriteString("name", "shipshape");
        json.WriteString("version", report.ToolVersion);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        var single = report.Inventories.Length == 1 ? report.Inventories[0] : null;
        json.WritePropertyName("component");
        if (single is not null)
        {
            WriteSubjectHead(json, single, refs);
            json.WriteEndObject();
        }
        else
        {
            json.WriteStartObject();
            json.WriteString("type", "application");
            json.WriteString("bom-ref", Unique(refs, "scan"));
            json.WriteString("name", SbomSubjects.DocumentName(report));
            json.WriteEndObject();
        }

        var incomplete = SbomSubjects.Incomplete(report).ToList();
        if (incomplete.Count > 0)
        {
            json.WriteStartArray("properties");
            foreach (var line in incomplete)
            {
                json.WriteStartObject();
                json.WriteString("name", "shipshape:incomplete");
                json.WriteString("value", line);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteStartArray("components");
        if (single is not null)
        {
            WriteContents(json, single, refs);
        }
        else
        {
            foreach (var inventory in report.Inventories)
            {
                WriteSubjectHead(json, inventory, refs);
                json.WriteStartArray("components");
                WriteContents(json, inventory, refs);
                json.WriteEndArray();
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    /// <summary>Opens the subject's component object and writes its identity; the caller closes it.</summary>
    private static void WriteSubjectHead(Utf8JsonWriter json, SoftwareInventory inventory, HashSet<string> refs)
    {
        json.WriteStartObject();
        json.WriteString("type", inventory.Kind == SoftwareInventory.ContainerKind ? "container" : "application");
        json.WriteString("bom-ref", Unique(refs, inventory.Kind + ":" + inventory.Name));
        json.WriteString("name", inventory.Name);
        if (inventory.Version is { } version)
        {
            json.WriteString("version", version);
        }
    }

    private static void WriteContents(Utf8JsonWriter json, SoftwareInventory inventory, HashSet<string> refs)
    {
        if (inventory.OperatingSystem is { } os)
        {
            json.WriteStartObject();
            json.WriteString("type", "operating-system");
            json.WriteString("bom-ref", Unique(refs, $"os:{os.Id}@{os.Version}"));
            json.WriteString("name", os.Id);
            if (os.Version.Length > 0)
            {
                json.WriteString("version", os.Version);
            }

            json.WriteString("description", os.Name);
            json.WriteEndObject();
        }

        foreach (var package in inventory.Packages)
        {
            json.WriteStartObject();
            json.WriteString("type", "library");
            json.WriteString("bom-ref", Unique(refs, package.Purl));
            var scoped = package.Namespace is not null && package.Type is "npm" or "maven" or "golang";
            if (scoped)
            {
                json.WriteString("group", package.Namespace);
            }

            json.WriteString("name", scoped && (package.Name.StartsWith(package.Namespace + "/", StringComparison.Ordinal) || package.Name.StartsWith(package.Namespace + ":", StringComparison.Ordinal)) ? package.Name[(package.Namespace!.Length + 1)..] : package.Name);
            json.WriteString("version", package.Version);
            if (package.License is { } license)
            {
                json.WriteStartArray("licenses");
                json.WriteStartObject();
                json.WriteStartObject("license");
                json.WriteString("name", license);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteString("purl", package.Purl);
            json.WriteStartArray("properties");
            json.WriteStartObject();
            json.WriteString("name", "shipshape:location");
            json.WriteString("value", package.Location);
            json.WriteEndObject();
            if (package.SourcePackage is { } source)
            {
                json.WriteStartObject();
                json.WriteString("name", "shipshape:source-package");
                json.WriteString("value", source);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
    }

    /// <summary>bom-refs are unique in a BOM: the same package in two images gets "#2".</summary>
    private static string Unique(HashSet<string> refs, string wanted)
    {
        var candidate = wanted;
        for (var n = 2; !refs.Add(candidate); n++)
        {
            candidate = $"{wanted}#{n}";
        }

        return candidate;
    }
}
