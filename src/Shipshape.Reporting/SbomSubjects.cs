using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Shipshape.Core;
using Shipshape.Core.Inventory;

namespace Shipshape.Reporting;

/// <summary>What the CycloneDX and SPDX writers share: a document identity derived from the content, so that two scans of the same inputs write the same bytes.</summary>
internal static class SbomSubjects
{
    /// <summary>A name-based UUID (version 5 layout) over everything the document lists.</summary>
    public static string ContentUuid(ScanReport report, string format)
    {
        var text = new StringBuilder(format).Append('\n').Append(report.ToolVersion).Append('\n');
        foreach (var inventory in report.Inventories)
        {
            text.Append(inventory.Kind).Append('\n').Append(inventory.Name).Append('\n').Append(inventory.Version).Append('\n')
                .Append(inventory.OperatingSystem?.Id).Append(' ').Append(inventory.OperatingSystem?.Version).Append('\n');
            foreach (var package in inventory.Packages)
            {
                text.Append(package.Purl).Append(' ').Append(package.Location).Append('\n');
            }
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(hash.AsSpan(0, 16));
        return string.Create(CultureInfo.InvariantCulture, $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}");
    }

    /// <summary>The document's name: the one subject's name, or "shipshape scan" for several (or none).</summary>
    public static string DocumentName(ScanReport report) => report.Inventories.Length == 1 ? report.Inventories[0].Name : "shipshape scan";

    /// <summary>
    /// The inputs the scan did not fully read, one line each ("path: not checked: why"), so that an SBOM of a partial
    /// scan says so rather than passing for complete.
    /// </summary>
    public static IEnumerable<string> Incomplete(ScanReport report) =>
        report.Incomplete.Select(d => $"{d.Location.Path}: {(d.Incomplete == IncompleteKind.Skipped ? "not checked" : "checked in part")}: {d.Message}")
            .Distinct(StringComparer.Ordinal);

    /// <summary>The RFC 3339 UTC second the spec formats want ("2026-01-02T03:04:05Z").</summary>
    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
