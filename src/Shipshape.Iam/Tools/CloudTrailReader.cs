using System.Collections.Immutable;
using System.IO.Compression;
using System.Text.Json;
using Shipshape.Iam.Catalog;
using Shipshape.Iam.Matching;

namespace Shipshape.Iam.Tools;

/// <summary>
/// Reads CloudTrail logs as AWS delivers them ({"Records": [...]}, gzip-compressed or not) or as
/// `aws cloudtrail lookup-events` prints them, into the successful calls each principal made, as IAM actions.
/// </summary>
public static class CloudTrailReader
{
    // Event sources whose IAM service prefix differs from the host name.
    private static readonly ImmutableDictionary<string, string> Prefixes = ImmutableDictionary.CreateRange(StringComparer.Ordinal,
    [
        KeyValuePair.Create("monitoring", "cloudwatch"),
        KeyValuePair.Create("email", "ses"),
    ]);

    /// <summary>The calls in one file; problems (unknown actions, unreadable records) go to <paramref name="notes"/>.</summary>
    /// <exception cref="JsonException">The file is not JSON.</exception>
    /// <exception cref="InvalidDataException">The gzip stream is damaged.</exception>
    public static ImmutableArray<ObservedCall> Read(ReadOnlyMemory<byte> content, IamCatalog catalog, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(notes);
        var bytes = content.Length > 2 && content.Span[0] == 0x1f && content.Span[1] == 0x8b ? Gunzip(content) : content;
        using var document = JsonDocument.Parse(bytes);
        var calls = ImmutableArray.CreateBuilder<ObservedCall>();
        foreach (var record in Records(document.RootElement))
        {
            if (record.TryGetProperty("errorCode", out _))
            {
                continue;
            }

            if (Call(record, catalog, notes) is { } call)
            {
                calls.Add(call);
            }
        }

        return calls.ToImmutable();
    }

    private static IEnumerable<JsonElement> Records(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("Records", out var records) && records.ValueKind == JsonValueKind.Array)
        {
            return records.EnumerateArray().ToList();
        }

        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("Events", out var events) && events.ValueKind == JsonValueKind.Array)
        {
            // lookup-events nests each record as a JSON string.
            return [.. events.EnumerateArray()
                .Where(e => e.TryGetProperty("CloudTrailEvent", out var text) && text.ValueKind == JsonValueKind.String)
                .Select(e => JsonDocument.Parse(e.GetProperty("CloudTrailEvent").GetString()!).RootElement.Clone())];
        }

        return root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [];
    }

    private static ObservedCall? Call(JsonElement record, IamCatalog catalog, ICollection<string> notes)
    {
        var source = Text(record, "eventSource");
        var name = Text(record, "eventName");
        var principal = Principal(record);
        if (source is null || name is null || principal is null)
        {
            return null;
        }

        var prefix = source.EndsWith(".amazonaws.com", StringComparison.Ordinal) ? source[..^".amazonaws.com".Length] : source;
        prefix = Prefixes.GetValueOrDefault(prefix, prefix);
        var action = catalog.Find($"{prefix}:{name}") ?? catalog.Find($"{prefix}:{name.TrimEnd("0123456789".ToCharArray())}");
        if (action is null)
        {
            notes.Add($"{source} {name}: no IAM action of that name; left out");
            return null;
        }

        return new ObservedCall(principal, action.FullName, Resource(record, action, catalog))
        {
            Cluster = action.HasConditionKey("ecs:cluster") ? ClusterOf(record) : null,
        };
    }

    private static string? Principal(JsonElement record)
    {
        if (!record.TryGetProperty("userIdentity", out var identity) || identity.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return Text(identity, "type") switch
        {
            "AssumedRole" when identity.TryGetProperty("sessionContext", out var session) && session.TryGetProperty("sessionIssuer", out var issuer) => Text(issuer, "arn"),
            "AWSService" or "AWSAccount" => null,
            _ => Text(identity, "arn"),
        };
    }

    /// <summary>Values looked at in an event's request and response before giving up on finding its resource.</summary>
    private const int MaxValuesSearched = 10_000;

    // The first ARN the event lists that has the shape of a resource type the action accepts: in "resources", else in
    // the request parameters or the response (ECS events name their task, service or task definition only there).
    private static string? Resource(JsonElement record, IamAction action, IamCatalog catalog)
    {
        if (!catalog.TryGetService(action.Service, out var service))
        {
            return null;
        }

        var patterns = action.Resources.Select(r => service.ResourceArnFormats.GetValueOrDefault(r.ResourceType)).OfType<string>()
            .Select(f => ArnTemplate.Fill(f, new Dictionary<string, string>())).ToList();
        bool Accepted(string arn) => patterns.Any(p => Wildcard.Matches(p, arn, ignoreCase: false));
        if (record.TryGetProperty("resources", out var resources) && resources.ValueKind == JsonValueKind.Array
            && resources.EnumerateArray().Select(r => Text(r, "ARN")).OfType<string>().FirstOrDefault(Accepted) is { } listed)
        {
            return listed;
        }

        return ArnsIn(record, "requestParameters").Concat(ArnsIn(record, "responseElements")).FirstOrDefault(Accepted)
            ?? IamNamed(record, action.Service, Accepted);
    }

    // IAM events name users, roles and groups by name (CreateAccessKey's userName): their ARN in the event's account.
    private static string? IamNamed(JsonElement record, string service, Func<string, bool> accepted)
    {
        if (service != "iam" || !record.TryGetProperty("requestParameters", out var request) || request.ValueKind != JsonValueKind.Object
            || AccountOf(record) is not { } account)
        {
            return null;
        }

        var partition = record.TryGetProperty("userIdentity", out var who) && Text(who, "arn")?.Split(':') is [_, { Length: > 0 } p, ..] ? p : "aws";
        foreach (var (parameter, type) in new[] { ("userName", "user"), ("roleName", "role"), ("groupName", "group") })
        {
            if (Text(request, parameter) is { Length: > 0 } name && !name.Contains('*', StringComparison.Ordinal)
                && $"arn:{partition}:iam::{account}:{type}/{name}" is var arn && accepted(arn))
            {
                return arn;
            }
        }

        return null;
    }

    private static string? AccountOf(JsonElement record)
    {
        var identity = record.TryGetProperty("userIdentity", out var who) ? who : default;
        return Text(record, "recipientAccountId") ?? Text(identity, "accountId")
            ?? (Text(identity, "arn")?.Split(':') is [_, _, _, _, { Length: > 0 } fromArn, ..] ? fromArn : null);
    }

    // The cluster an ECS event ran in: a cluster ARN in the request or response, else the request's cluster name in
    // the event's region and account ("default" when the request names none, as ECS does).
    private static string? ClusterOf(JsonElement record)
    {
        if (ArnsIn(record, "requestParameters").Concat(ArnsIn(record, "responseElements"))
            .FirstOrDefault(arn => Wildcard.Matches("arn:*:ecs:*:*:cluster/*", arn, ignoreCase: false)) is { } arn)
        {
            return arn;
        }

        var region = Text(record, "awsRegion");
        var account = AccountOf(record);
        if (region is null || account is null)
        {
            return null;
        }

        var name = record.TryGetProperty("requestParameters", out var request) ? Text(request, "cluster") : null;
        return $"arn:aws:ecs:{region}:{account}:cluster/{name ?? "default"}";
    }

    // Every "arn:…" string under the property, walked with a stack (no recursion on the event's nesting) and bounded.
    private static IEnumerable<string> ArnsIn(JsonElement record, string property)
    {
        if (!record.TryGetProperty(property, out var root))
        {
            yield break;
        }

        var pending = new Stack<JsonElement>();
        pending.Push(root);
        var seen = 0;
        while (pending.Count > 0 && seen++ < MaxValuesSearched)
        {
            var element = pending.Pop();
            switch (element.ValueKind)
            {
                case JsonValueKind.String when element.GetString() is { } text && text.StartsWith("arn:", StringComparison.Ordinal):
                    yield return text;
                    break;
                case JsonValueKind.Object:
                    foreach (var child in element.EnumerateObject().Reverse())
                    {
                        pending.Push(child.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var child in element.EnumerateArray().Reverse())
                    {
                        pending.Push(child);
                    }

                    break;
            }
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static ReadOnlyMemory<byte> Gunzip(ReadOnlyMemory<byte> content)
    {
        using var input = new MemoryStream(content.ToArray());
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }
}
