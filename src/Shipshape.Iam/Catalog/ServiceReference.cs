using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Shipshape.Iam.Catalog;

/// <summary>
/// Reads AWS's programmatic service reference (an index of {"service", "url"} and one JSON document per service with
/// Actions, Resources and ConditionKeys) into a catalogue, with JsonDocument only (no reflection, Native AOT safe).
/// </summary>
public static class ServiceReference
{
    /// <summary>The official index.</summary>
    public static Uri DefaultIndex { get; } = new("https://servicereference.us-east-1.amazonaws.com/");

    /// <summary>The services listed by the index, with their absolute URLs.</summary>
    /// <exception cref="JsonException">The index is not the documented shape.</exception>
    public static ImmutableArray<(string Service, Uri Url)> ParseIndex(ReadOnlyMemory<byte> json, Uri baseUri)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("The service reference index is not a JSON array.");
        }

        return [.. document.RootElement.EnumerateArray()
            .Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("service", out _) && e.TryGetProperty("url", out _))
            .Select(e => (e.GetProperty("service").GetString() ?? string.Empty, new Uri(baseUri, e.GetProperty("url").GetString() ?? string.Empty)))
            .Where(x => x.Item1.Length > 0)];
    }

    /// <summary>One service document. Access levels come from the action annotations; the reference does not say which resource types are required.</summary>
    /// <exception cref="JsonException">The document is not the documented shape.</exception>
    public static IamService ParseService(string prefix, ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var name = root.TryGetProperty("Name", out var n) ? n.GetString() ?? prefix : prefix;
        var resources = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var r in Array(root, "Resources"))
        {
            if (Text(r, "Name") is { } type && Array(r, "ARNFormats").Select(a => a.GetString()).FirstOrDefault() is { } arn)
            {
                resources[type] = arn;
            }
        }

        var keys = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var k in Array(root, "ConditionKeys"))
        {
            if (Text(k, "Name") is { } key)
            {
                keys[key] = Array(k, "Types").Select(t => t.GetString()).FirstOrDefault() ?? "String";
            }
        }

        var actions = ImmutableArray.CreateBuilder<IamAction>();
        foreach (var a in Array(root, "Actions"))
        {
            if (Text(a, "Name") is not { } actionName)
            {
                continue;
            }

            actions.Add(new IamAction(
                name,
                actionName,
                Level(a),
                [.. Array(a, "Resources").Select(r => Text(r, "Name")).OfType<string>().Select(r => new IamActionResource(r, false))],
                [.. Array(a, "ActionConditionKeys").Select(k => k.GetString()).OfType<string>()]));
        }

        return new IamService(name, name, resources.ToImmutable(), keys.ToImmutable(), [.. actions.OrderBy(x => x.Name, StringComparer.Ordinal)]);
    }

    /// <summary>Downloads the index and every service (a few at a time) and builds a catalogue stamped with the time of the fetch.</summary>
    /// <exception cref="HttpRequestException">A download failed.</exception>
    /// <exception cref="JsonException">A document is not the documented shape.</exception>
    public static async Task<IamCatalog> FetchAsync(HttpClient http, Uri index, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(clock);
        var indexBytes = await http.GetByteArrayAsync(index, cancellationToken).ConfigureAwait(false);
        var services = ParseIndex(indexBytes, index);
        var results = new IamService[services.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, services.Length), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var bytes = await http.GetByteArrayAsync(services[i].Url, token).ConfigureAwait(false);
                results[i] = ParseService(services[i].Service, bytes);
            }).ConfigureAwait(false);
        var updated = clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return new IamCatalog($"aws-service-reference {index}", updated, results);
    }

    private static AccessLevel Level(JsonElement action)
    {
        if (!action.TryGetProperty("Annotations", out var annotations) || !annotations.TryGetProperty("Properties", out var p))
        {
            return AccessLevel.Read;
        }

        bool Flag(string key) => p.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.True;
        return Flag("IsPermissionManagement") ? AccessLevel.PermissionsManagement
            : Flag("IsTaggingOnly") ? AccessLevel.Tagging
            : Flag("IsWrite") ? AccessLevel.Write
            : Flag("IsList") ? AccessLevel.List
            : AccessLevel.Read;
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IEnumerable<JsonElement> Array(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];
}
