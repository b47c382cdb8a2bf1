using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Shipshape.Iam.Catalog;

/// <summary>
/// Shipshape's compact catalogue format, tab-separated lines: header comments (#source, #updated), then per service
/// "S prefix name", "R type arnFormat", "K key type", "A name levelLetter resourceTypes(* = required) conditionKeys".
/// </summary>
public static class IamCatalogFormat
{
    public const string Magic = "#shipshape-iam-catalog 1";

    /// <exception cref="InvalidDataException">The text is not in the format.</exception>
    public static IamCatalog Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.ReadLine() != Magic)
        {
            throw new InvalidDataException("Not a Shipshape IAM catalogue.");
        }

        string source = "unknown", updated = string.Empty;
        var services = new List<IamService>();
        ServiceBuilder? current = null;
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith("#source ", StringComparison.Ordinal))
            {
                source = line["#source ".Length..];
                continue;
            }

            if (line.StartsWith("#updated ", StringComparison.Ordinal))
            {
                updated = line["#updated ".Length..];
                continue;
            }

            if (line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            switch (fields[0])
            {
                case "S" when fields.Length >= 2:
                    if (current is not null)
                    {
                        services.Add(current.Build());
                    }

                    current = new ServiceBuilder(fields[1], fields.Length > 2 ? fields[2] : fields[1]);
                    break;
                case "R" when fields.Length >= 3 && current is not null:
                    current.Resources[fields[1]] = fields[2];
                    break;
                case "K" when fields.Length >= 3 && current is not null:
                    current.Keys[fields[1]] = fields[2];
                    break;
                case "A" when fields.Length >= 3 && current is not null:
                    current.Actions.Add(new IamAction(
                        current.Prefix,
                        fields[1],
                        Level(fields[2], lineNumber),
                        [.. List(fields, 3).Select(r => r.EndsWith('*') ? new IamActionResource(r[..^1], true) : new IamActionResource(r, false))],
                        [.. List(fields, 4)]));
                    break;
                default:
                    throw new InvalidDataException($"Line {lineNumber.ToString(CultureInfo.InvariantCulture)} of the IAM catalogue is malformed.");
            }
        }

        if (current is not null)
        {
            services.Add(current.Build());
        }

        return new IamCatalog(source, updated, services);
    }

    /// <summary>Writes a catalogue in the format (gzip-compressed), so a refreshed cache reads like the embedded copy.</summary>
    public static void WriteCompressed(IamCatalog catalog, Stream output)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        using var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine(Magic);
        writer.WriteLine($"#source {catalog.Source}");
        writer.WriteLine($"#updated {catalog.Updated}");
        foreach (var service in catalog.Services.OrderBy(s => s.Prefix, StringComparer.Ordinal))
        {
            writer.WriteLine($"S\t{service.Prefix}\t{Clean(service.Name)}");
            foreach (var (type, arn) in service.ResourceArnFormats.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                writer.WriteLine($"R\t{Clean(type)}\t{Clean(arn)}");
            }

            foreach (var (key, type) in service.ConditionKeyTypes.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                writer.WriteLine($"K\t{Clean(key)}\t{Clean(type)}");
            }

            foreach (var action in service.Actions)
            {
                var resources = string.Join(',', action.Resources.Select(r => r.Required ? r.ResourceType + "*" : r.ResourceType));
                writer.WriteLine($"A\t{Clean(action.Name)}\t{Letter(action.AccessLevel)}\t{Clean(resources)}\t{Clean(string.Join(',', action.ConditionKeys))}");
            }
        }
    }

    private static string Clean(string text) => text.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');

    private static IEnumerable<string> List(string[] fields, int index) =>
        fields.Length > index ? fields[index].Split(',', StringSplitOptions.RemoveEmptyEntries) : [];

    private static AccessLevel Level(string letter, int line) => letter switch
    {
        "L" => AccessLevel.List,
        "R" => AccessLevel.Read,
        "W" => AccessLevel.Write,
        "P" => AccessLevel.PermissionsManagement,
        "T" => AccessLevel.Tagging,
        _ => throw new InvalidDataException($"Line {line.ToString(CultureInfo.InvariantCulture)} of the IAM catalogue has an unknown access level '{letter}'."),
    };

    private static string Letter(AccessLevel level) => level switch
    {
        AccessLevel.List => "L",
        AccessLevel.Read => "R",
        AccessLevel.Write => "W",
        AccessLevel.PermissionsManagement => "P",
        _ => "T",
    };

    private sealed class ServiceBuilder(string prefix, string name)
    {
        public string Prefix { get; } = prefix;
        public Dictionary<string, string> Resources { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, string> Keys { get; } = new(StringComparer.Ordinal);
        public List<IamAction> Actions { get; } = [];

        public IamService Build() => new(Prefix, name, Resources.ToImmutableDictionary(), Keys.ToImmutableDictionary(), [.. Actions]);
    }
}
