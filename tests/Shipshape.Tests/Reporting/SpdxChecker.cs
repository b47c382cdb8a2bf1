using System.Text.RegularExpressions;
using System.Text.Json;

namespace Shipshape.Tests.Reporting;

/// <summary>
/// The SPDX 2.3 JSON schema is not published in a registry this project can reach, so its constraints on what the
/// writer emits are checked here by hand, from the SPDX 2.3 specification (clauses 6, 7 and 11): required document
/// fields and their fixed values, the SPDXID and timestamp patterns, unique IDs, the enumerations of primaryPackagePurpose,
/// referenceCategory and relationshipType, and relationships that name elements of the document. Returns the errors.
/// </summary>
internal static partial class SpdxChecker
{
    private static readonly HashSet<string> Purposes = ["APPLICATION", "FRAMEWORK", "LIBRARY", "CONTAINER", "OPERATING-SYSTEM", "DEVICE", "FIRMWARE", "SOURCE", "ARCHIVE", "FILE", "INSTALL", "OTHER"];
    private static readonly HashSet<string> Categories = ["SECURITY", "PACKAGE-MANAGER", "PERSISTENT-ID", "OTHER"];
    private static readonly HashSet<string> Relationships = ["DESCRIBES", "DESCRIBED_BY", "CONTAINS", "CONTAINED_BY", "DEPENDS_ON", "DEPENDENCY_OF", "OTHER"];

    public static List<string> Check(string text)
    {
        var errors = new List<string>();
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        void Expect(bool ok, string message)
        {
            if (!ok)
            {
                errors.Add(message);
            }
        }

        string? Str(JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        Expect(Str(root, "spdxVersion") == "SPDX-2.3", "spdxVersion must be SPDX-2.3");
        Expect(Str(root, "dataLicense") == "CC0-1.0", "dataLicense must be CC0-1.0");
        Expect(Str(root, "SPDXID") == "SPDXRef-DOCUMENT", "SPDXID must be SPDXRef-DOCUMENT");
        Expect(Str(root, "name") is { Length: > 0 }, "name is required");
        Expect(Str(root, "documentNamespace") is { } ns && Uri.TryCreate(ns, UriKind.Absolute, out _) && !ns.Contains('#', StringComparison.Ordinal), "documentNamespace must be an absolute URI without '#'");
        var creation = root.TryGetProperty("creationInfo", out var c) ? c : default;
        Expect(Str(creation, "created") is { } created && Timestamp().IsMatch(created), "creationInfo.created must be YYYY-MM-DDThh:mm:ssZ");
        Expect(creation.ValueKind == JsonValueKind.Object && creation.TryGetProperty("creators", out var creators) && creators.GetArrayLength() > 0
            && creators.EnumerateArray().All(x => x.GetString() is { } s && (s.StartsWith("Tool: ", StringComparison.Ordinal) || s.StartsWith("Organization: ", StringComparison.Ordinal) || s.StartsWith("Person: ", StringComparison.Ordinal))),
            "creationInfo.creators must name a Tool:, Organization: or Person:");
        var ids = new HashSet<string>(StringComparer.Ordinal) { "SPDXRef-DOCUMENT" };
        foreach (var package in root.TryGetProperty("packages", out var packages) ? packages.EnumerateArray() : Enumerable.Empty<JsonElement>())
        {
            var id = Str(package, "SPDXID");
            Expect(id is not null && SpdxId().IsMatch(id), $"package SPDXID '{id}' must match SPDXRef-[A-Za-z0-9.-]+");
            Expect(id is null || ids.Add(id), $"package SPDXID '{id}' must be unique");
            Expect(Str(package, "name") is { Length: > 0 }, $"package {id}: name is required");
            Expect(Str(package, "downloadLocation") is { Length: > 0 }, $"package {id}: downloadLocation is required");
            Expect(Str(package, "primaryPackagePurpose") is not { } purpose || Purposes.Contains(purpose), $"package {id}: primaryPackagePurpose not in the enumeration");
            foreach (var reference in package.TryGetProperty("externalRefs", out var refs) ? refs.EnumerateArray() : Enumerable.Empty<JsonElement>())
            {
                Expect(Str(reference, "referenceCategory") is { } category && Categories.Contains(category), $"package {id}: referenceCategory not in the enumeration");
                Expect(Str(reference, "referenceType") is { Length: > 0 } && Str(reference, "referenceLocator") is { Length: > 0 } locator && !locator.Contains(' ', StringComparison.Ordinal),
                    $"package {id}: externalRef needs a referenceType and a referenceLocator without spaces");
            }
        }

        foreach (var relationship in root.TryGetProperty("relationships", out var relationships) ? relationships.EnumerateArray() : Enumerable.Empty<JsonElement>())
        {
            Expect(Str(relationship, "relationshipType") is { } type && Relationships.Contains(type), "relationshipType not in the enumeration");
            Expect(Str(relationship, "spdxElementId") is { } from && ids.Contains(from) && Str(relationship, "relatedSpdxElement") is { } to && ids.Contains(to),
                "a relationship must name elements of the document");
        }

        return errors;
    }

    [GeneratedRegex(@"^SPDXRef-[A-Za-z0-9.\-]+$")]
    private static partial Regex SpdxId();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]
    private static partial Regex Timestamp();
}
