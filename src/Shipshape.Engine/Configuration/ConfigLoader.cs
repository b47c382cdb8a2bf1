using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Shipshape.Core;
using Shipshape.Ingest.Discovery;
using Shipshape.Ingest.Syntax;

namespace Shipshape.Engine.Configuration;

/// <summary>
/// Reads .shipshape.yaml. Unknown keys and wrong types are errors naming the file and line, because a
/// silently ignored setting is worse than a failed build.
/// </summary>
public static class ConfigLoader
{
    public const string DefaultFileName = ".shipshape.yaml";

    /// <param name="boundary">For a configuration found in the scanned tree: it may not lead outside it. Null for one the user named.</param>
    public static ShipshapeConfig Load(string path, ScanRoot? boundary = null)
    {
        byte[] bytes;
        try
        {
            bytes = Encoding.UTF8.GetBytes(ConfigFiles.ReadText(path, boundary));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"{path}: cannot read configuration: {ex.Message}", ex);
        }

        return Parse(path, bytes);
    }

    public static ShipshapeConfig Parse(string path, ReadOnlyMemory<byte> content)
    {
        var parsed = YamlSyntaxParser.Parse(path, content);
        if (parsed.Failed)
        {
            var d = parsed.Diagnostics[0];
            throw new ConfigException($"{path}:{d.Location.StartLine}: {d.Message}");
        }

        if (parsed.Roots.Length == 0 || parsed.Roots[0] is ScalarNode { IsNull: true })
        {
            return ShipshapeConfig.Empty;
        }

        if (parsed.Roots[0] is not MappingNode root)
        {
            throw Error(path, parsed.Roots[0], "the configuration must be a mapping");
        }

        var config = ShipshapeConfig.Empty;
        foreach (var entry in root.Entries)
        {
            switch (entry.Key.Text)
            {
                case "trustedRegistries":
                    config = config with { TrustedRegistries = StringList(path, entry.Value) };
                    break;
                case "failOn":
                    config = config with { FailOn = SeverityOf(path, entry.Value) };
                    break;
                case "maxFileSize":
                    config = config with { MaxFileBytes = Size(path, entry.Value) };
                    break;
                case "exclude":
                    config = config with { ExcludePaths = StringList(path, entry.Value) };
                    break;
                case "severity":
                    config = config with { Severities = [.. StringList(path, entry.Value).Select(v => SeverityNames.TryParse(v, out var s) ? s : throw Error(path, entry.Value, $"unknown severity '{v}' (use info, low, medium, high or critical)"))] };
                    break;
                case "scanners":
                    config = config with { Scanners = [.. StringList(path, entry.Value).Select(v => ScannerNames.All.Contains(v, StringComparer.OrdinalIgnoreCase) ? v.ToLowerInvariant() : throw Error(path, entry.Value, $"unknown scanner '{v}' (use {string.Join(", ", ScannerNames.All)})"))] };
                    break;
                case "fileTimeout":
                    config = config with { FileTimeout = Quantities.TryParseDuration(Scalar(path, entry.Value), out var timeout) ? timeout : throw Error(path, entry.Value, "fileTimeout must be " + Quantities.DurationHelp) };
                    break;
                case "maxImageAge":
                    config = config with
                    {
                        MaxImageAgeDays = int.TryParse(Scalar(path, entry.Value), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days)
                            ? days
                            : throw Error(path, entry.Value, "maxImageAge must be a whole number of days"),
                    };
                    break;
                case "softFail":
                    config = config with { SoftFail = Flag(path, entry.Value) };
                    break;
                case "failOnIncomplete":
                    config = config with { FailOnIncomplete = Flag(path, entry.Value) };
                    break;
                case "foreignSuppressions":
                    config = config with { ForeignSuppressions = Flag(path, entry.Value) };
                    break;
                case "rules":
                    config = Rules(path, entry.Value, config);
                    break;
                case "ignore":
                    config = config with { Ignores = Ignores(path, entry.Value) };
                    break;
                default:
                    throw Error(path, entry.Key, $"unknown setting '{entry.Key.Text}' (known: {string.Join(", ", KnownSettings)})");
            }
        }

        return config;
    }

    /// <summary>The top-level keys, in the order the JSON schema (docs/shipshape.schema.json) lists them.</summary>
    public static readonly IReadOnlyList<string> KnownSettings =
        ["failOn", "severity", "softFail", "failOnIncomplete", "scanners", "maxFileSize", "fileTimeout", "maxImageAge", "trustedRegistries", "exclude", "foreignSuppressions", "rules", "ignore"];

    private static bool Flag(string path, SyntaxNode node) =>
        node is ScalarNode { Text: "true" or "True" or "TRUE" } ? true
        : node is ScalarNode { Text: "false" or "False" or "FALSE" } ? false
        : throw Error(path, node, "expected true or false");

    private static ShipshapeConfig Rules(string path, SyntaxNode node, ShipshapeConfig config)
    {
        if (node is not MappingNode mapping)
        {
            throw Error(path, node, "'rules' must be a mapping with enable, disable and severity");
        }

        foreach (var entry in mapping.Entries)
        {
            switch (entry.Key.Text)
            {
                case "enable":
                    config = config with { EnabledRules = StringList(path, entry.Value) };
                    break;
                case "disable":
                    config = config with { DisabledRules = StringList(path, entry.Value) };
                    break;
                case "severity":
                    if (entry.Value is not MappingNode overrides)
                    {
                        throw Error(path, entry.Value, "'rules.severity' must map rule IDs to severities");
                    }

                    config = config with
                    {
                        SeverityOverrides = overrides.Entries.ToImmutableDictionary(
                            e => e.Key.Text, e => SeverityOf(path, e.Value), StringComparer.OrdinalIgnoreCase),
                    };
                    break;
                default:
                    throw Error(path, entry.Key, $"unknown setting 'rules.{entry.Key.Text}' (known: enable, disable, severity)");
            }
        }

        return config;
    }

    private static ImmutableArray<IgnoreEntry> Ignores(string path, SyntaxNode node)
    {
        if (node is not SequenceNode sequence)
        {
            throw Error(path, node, "'ignore' must be a list of entries with rule, path, resource, fingerprint, reason and expires");
        }

        var builder = ImmutableArray.CreateBuilder<IgnoreEntry>();
        foreach (var item in sequence.Items)
        {
            if (item is not MappingNode m)
            {
                throw Error(path, item, "each ignore entry must be a mapping");
            }

            string? rule = null, glob = null, resource = null, fingerprint = null, reason = null;
            DateOnly? expires = null;
            foreach (var entry in m.Entries)
            {
                var text = Scalar(path, entry.Value);
                switch (entry.Key.Text)
                {
                    case "rule": rule = text; break;
                    case "path": glob = text; break;
                    case "resource": resource = text; break;
                    case "fingerprint":
                        if (text.Length != 32 || !text.All(char.IsAsciiHexDigitLower))
                        {
                            throw Error(path, entry.Value, $"'fingerprint' must be a finding's fingerprint as reports print it (32 lowercase hexadecimal digits), not '{text}'");
                        }

                        fingerprint = text;
                        break;
                    case "reason": reason = text; break;
                    case "expires":
                        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                        {
                            throw Error(path, entry.Value, $"'expires' must be a date like 2027-01-31, not '{text}'");
                        }

                        expires = date;
                        break;
                    default:
                        throw Error(path, entry.Key, $"unknown ignore setting '{entry.Key.Text}' (known: rule, path, resource, fingerprint, reason, expires)");
                }
            }

            if (rule is null)
            {
                throw Error(path, item, "an ignore entry needs 'rule' (a rule ID or \"*\")");
            }

            if (string.IsNullOrWhiteSpace(reason))
            {
                throw Error(path, item, "an ignore entry needs a 'reason'");
            }

            builder.Add(new IgnoreEntry(rule, glob, resource, reason, expires, m.Span.StartLine) { Fingerprint = fingerprint });
        }

        return builder.ToImmutable();
    }

    private static ImmutableArray<string> StringList(string path, SyntaxNode node) => node switch
    {
        SequenceNode s => [.. s.Items.Select(i => Scalar(path, i))],
        ScalarNode { IsNull: false } => [Scalar(path, node)],
        _ => throw Error(path, node, "expected a list of strings"),
    };

    private static string Scalar(string path, SyntaxNode node) =>
        node is ScalarNode { IsNull: false } s ? s.Text : throw Error(path, node, "expected a string");

    private static Severity SeverityOf(string path, SyntaxNode node)
    {
        var text = Scalar(path, node);
        return SeverityNames.TryParse(text, out var severity)
            ? severity
            : throw Error(path, node, $"unknown severity '{text}' (use info, low, medium, high or critical)");
    }

    private static long Size(string path, SyntaxNode node) =>
        Quantities.TryParseSize(Scalar(path, node), out var bytes)
            ? bytes
            : throw Error(path, node, "maxFileSize must be " + Quantities.SizeHelp);

    private static ConfigException Error(string path, SyntaxNode node, string message) =>
        new($"{path}:{node.Span.StartLine}: {message}");
}
