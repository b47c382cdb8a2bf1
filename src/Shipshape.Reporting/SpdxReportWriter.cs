using System.Globalization;
using System.Text;
using System.Text.Json;
using Shipshape.Core;
using Shipshape.Core.Inventory;

namespace Shipshape.Reporting;

/// <summary>
/// Writes the scan's inventories as an SPDX 2.3 JSON document: each image or source tree a package the document
/// DESCRIBES, which CONTAINS its distribution and its packages, each with its package URL as a PACKAGE-MANAGER
/// external reference. The namespace is derived from the content; creationInfo.created is the export time.
/// </summary>
public sealed class SpdxReportWriter : IReportWriter
{
    private readonly DateTimeOffset time;

    /// <param name="time">creationInfo.created (now, or SOURCE_DATE_EPOCH).</param>
    public SpdxReportWriter(DateTimeOffset time) => this.time = time;

    public string Format => "spdx";

    public void Write(ScanReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var relationships = new List<(string From, string Type, string To)>();
        using var json = new Utf8JsonWriter(output, JsonReportWriter.Options);
        json.WriteStartObject();
        json.WriteString("spdxVersion", "SPDX-2.3");
        json.WriteString("dataLicense", "CC0-1.0");
        json.WriteString("SPDXID", "SPDXRef-DOCUMENT");
        json.WriteString("name", SbomSubjects.DocumentName(report));
        json.WriteString("documentNamespace", "urn:uuid:" + SbomSubjects.ContentUuid(report, Format));
        json.WriteStartObject("creationInfo");
        json.WriteString("created", SbomSubjects.Timestamp(time));
        json.WriteStartArray("creators");
        json.WriteStringValue("Tool: shipshape-" + report.ToolVersion);
        json.WriteEndArray();
        var incomplete = SbomSubjects.Incomplete(report).ToList();
        if (incomplete.Count > 0)
        {
            json.WriteString("comment", "Not everything was read, so packages may be missing:\n" + string.Join('\n', incomplete));
        }

        json.WriteEndObject();
        json.WriteStartArray("packages");
        var n = 0;
        foreach (var inventory in report.Inventories)
        {
            var subject = Id(++n, inventory.Name);
            relationships.Add(("SPDXRef-DOCUMENT", "DESCRIBES", subject));
            WritePackage(json, subject, inventory.Name, inventory.Version, inventory.Kind == SoftwareInventory.ContainerKind ? "CONTAINER" : "SOURCE", purl: null, comment: null, sourceInfo: null);
            if (inventory.OperatingSystem is { } os)
            {
                var id = Id(++n, os.Id);
                relationships.Add((subject, "CONTAINS", id));
                WritePackage(json, id, os.Id, os.Version.Length > 0 ? os.Version : null, "OPERATING-SYSTEM", purl: null, comment: os.Name, sourceInfo: null);
            }

            foreach (var package in inventory.Packages)
            {
                var id = Id(++n, package.Name);
                relationships.Add((subject, "CONTAINS", id));
                WritePackage(json, id, package.Name, package.Version, "LIBRARY", package.Purl, "found in " + package.Location,
                    package.SourcePackage is { } source ? "built from the source package " + source : null);
            }
        }

        json.WriteEndArray();
        json.WriteStartArray("relationships");
        foreach (var (from, type, to) in relationships)
        {
            json.WriteStartObject();
            json.WriteString("spdxElementId", from);
            json.WriteString("relationshipType", type);
            json.WriteString("relatedSpdxElement", to);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void WritePackage(Utf8JsonWriter json, string id, string name, string? version, string purpose, string? purl, string? comment, string? sourceInfo)
    {
        json.WriteStartObject();
        json.WriteString("SPDXID", id);
        json.WriteString("name", name);
        if (version is not null)
        {
            json.WriteString("versionInfo", version);
        }

        json.WriteString("downloadLocation", "NOASSERTION");
        json.WriteBoolean("filesAnalyzed", false);
        json.WriteString("primaryPackagePurpose", purpose);
        if (purl is not null)
        {
            json.WriteStartArray("externalRefs");
            json.WriteStartObject();
            json.WriteString("referenceCategory", "PACKAGE-MANAGER");
            json.WriteString("referenceType", "purl");
            json.WriteString("referenceLocator", purl);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        if (sourceInfo is not null)
        {
            json.WriteString("sourceInfo", sourceInfo);
        }

        if (comment is not null)
        {
            json.WriteString("comment", comment);
        }

        json.WriteEndObject();
    }

    /// <summary>"SPDXRef-" then letters, digits, '.' and '-' only; the running number keeps IDs unique.</summary>
    private static string Id(int n, string name)
    {
        var text = new StringBuilder("SPDXRef-").Append(n.ToString(CultureInfo.InvariantCulture)).Append('-');
        foreach (var c in name.Take(64))
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-');
        }

        return text.ToString();
    }
}
