using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using Tomlyn;
using Tomlyn.Model;

namespace Shipshape.Secrets.Config;

/// <summary>
/// Reads gitleaks TOML configurations (rules, allowlists old and new style, <c>[extend]</c>) through Tomlyn's
/// table model (no reflection mapping, so it stays Native AOT compatible), and merges them with the built-in rules.
/// </summary>
public static class GitleaksConfigLoader
{
    /// <summary>The file gitleaks reads at the root of a scanned tree.</summary>
    public const string DefaultFileName = ".gitleaks.toml";

    private const string BuiltInResource = "Shipshape.Secrets.Rules.builtin.toml";

    private static readonly Lazy<SecretConfig> BuiltInConfig = new(() =>
    {
        using var stream = typeof(GitleaksConfigLoader).Assembly.GetManifestResourceStream(BuiltInResource)
            ?? throw new InvalidOperationException($"embedded resource {BuiltInResource} is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "builtin.toml");
    });

    /// <summary>The built-in rules (parsed once).</summary>
    public static SecretConfig BuiltIn => BuiltInConfig.Value;

    /// <summary>Reads a configuration file and resolves what it extends (the built-in rules, another file).</summary>
    /// <exception cref="SecretConfigException">The file cannot be read or is not a valid configuration.</exception>
    /// <param name="readText">
    /// Reads the file and each file it extends; the caller confines it (a configuration found in a scanned tree may
    /// not lead out of it through a symlink or an <c>[extend] path</c>) and throws <see cref="IOException"/> to refuse.
    /// Null: read directly.
    /// </param>
    public static SecretConfig Load(string path, Func<string, string>? readText = null) => Load(path, depth: 0, readText ?? File.ReadAllText);

    private static SecretConfig Load(string path, int depth, Func<string, string> readText)
    {
        if (depth > 4)
        {
            throw new SecretConfigException($"{path}: [extend] path nests more than 4 deep");
        }

        string text;
        try
        {
            text = readText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SecretConfigException($"{path}: cannot read gitleaks configuration: {ex.Message}", ex);
        }

        var config = Parse(text, path);
        if (config.ExtendsPath is { } basePath)
        {
            var resolved = System.IO.Path.IsPathRooted(basePath) ? basePath : System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".", basePath);
            return Merge(Load(resolved, depth + 1, readText), config);
        }

        return config.ExtendsDefault ? Merge(BuiltIn, config) : config;
    }

    /// <summary>
    /// Merges <paramref name="extension"/> over <paramref name="baseConfig"/> as gitleaks does: disabled rules go,
    /// a rule with a known ID overrides the fields it sets and adds its keywords, tags and allowlists, new rules are added.
    /// </summary>
    public static SecretConfig Merge(SecretConfig baseConfig, SecretConfig extension)
    {
        ArgumentNullException.ThrowIfNull(baseConfig);
        ArgumentNullException.ThrowIfNull(extension);
        var disabled = extension.DisabledRules.ToHashSet(StringComparer.Ordinal);
        var rules = new List<SecretRule>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rule in baseConfig.Rules.Where(r => !disabled.Contains(r.Id)))
        {
            index[rule.Id] = rules.Count;
            rules.Add(rule);
        }

        foreach (var rule in extension.Rules)
        {
            if (index.TryGetValue(rule.Id, out var at))
            {
                var old = rules[at];
                rules[at] = old with
                {
                    Description = rule.Description.Length > 0 ? rule.Description : old.Description,
                    Regex = rule.Regex ?? old.Regex,
                    SecretGroup = rule.SecretGroup != 0 ? rule.SecretGroup : old.SecretGroup,
                    Entropy = rule.Entropy != 0 ? rule.Entropy : old.Entropy,
                    Path = rule.Path ?? old.Path,
                    Keywords = [.. old.Keywords.Concat(rule.Keywords).Distinct(StringComparer.Ordinal)],
                    Tags = [.. old.Tags.Concat(rule.Tags).Distinct(StringComparer.Ordinal)],
                    Allowlists = old.Allowlists.AddRange(rule.Allowlists),
                };
            }
            else
            {
                index[rule.Id] = rules.Count;
                rules.Add(rule);
            }
        }

        return extension with
        {
            Rules = [.. rules],
            Allowlists = baseConfig.Allowlists.AddRange(extension.Allowlists),
            ExtendsDefault = false,
            ExtendsPath = null,
            DisabledRules = [],
        };
    }

    /// <summary>Parses the text of one configuration; <c>[extend]</c> is recorded, not resolved.</summary>
    /// <exception cref="SecretConfigException">The TOML is malformed or a value has the wrong type.</exception>
    public static SecretConfig Parse(string text, string source)
    {
        TomlTable root;
        try
        {
            root = TomlSerializer.Deserialize(text, TomlModelContext.Default.TomlTable)
                ?? throw new SecretConfigException($"{source}: empty gitleaks configuration");
        }
        catch (Exception ex) when (ex is TomlException or ArgumentException or InvalidOperationException)
        {
            // Tomlyn fails on some malformed input ('"\' at the end) with an argument exception of its own.
            throw new SecretConfigException($"{source}: invalid TOML: {ex.Message}", ex);
        }

        var reader = new TableReader(source);
        var extend = root.TryGetValue("extend", out var e) ? reader.Table(e, "extend") : null;
        var globals = ImmutableArray.CreateBuilder<SecretAllowlist>();
        if (root.TryGetValue("allowlist", out var legacy))
        {
            globals.Add(reader.Allowlist(reader.Table(legacy, "allowlist"), "allowlist"));
        }

        if (root.TryGetValue("allowlists", out var lists))
        {
            foreach (var (table, i) in reader.Tables(lists, "allowlists").Select((t, i) => (t, i)))
            {
                globals.Add(reader.Allowlist(table, $"allowlists[{i}]"));
            }
        }

        var rules = ImmutableArray.CreateBuilder<SecretRule>();
        if (root.TryGetValue("rules", out var ruleTables))
        {
            foreach (var (table, i) in reader.Tables(ruleTables, "rules").Select((t, i) => (t, i)))
            {
                rules.Add(reader.Rule(table, i));
            }
        }

        var duplicate = rules.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new SecretConfigException($"{source}: rule id '{duplicate.Key}' is defined more than once");
        }

        return new SecretConfig
        {
            Title = reader.String(root, "title", "") ?? string.Empty,
            Rules = rules.ToImmutable(),
            Allowlists = globals.ToImmutable(),
            ExtendsDefault = extend is not null && reader.Bool(extend, "useDefault", "extend"),
            ExtendsPath = extend is null ? null : reader.String(extend, "path", "extend"),
            DisabledRules = extend is null ? [] : reader.Strings(extend, "disabledRules", "extend"),
        };
    }

    /// <summary>Typed reads from Tomlyn tables with errors that name the file and the key.</summary>
    private sealed class TableReader(string source)
    {
        public SecretRule Rule(TomlTable table, int index)
        {
            var where = $"rules[{index}]";
            var id = String(table, "id", where) ?? throw Error($"{where}: missing 'id'");
            where = $"rule '{id}'";
            var allowlists = ImmutableArray.CreateBuilder<SecretAllowlist>();
            if (table.TryGetValue("allowlist", out var single))
            {
                allowlists.Add(Allowlist(Table(single, where + ".allowlist"), where + ".allowlist"));
            }

            if (table.TryGetValue("allowlists", out var many))
            {
                foreach (var t in Tables(many, where + ".allowlists"))
                {
                    allowlists.Add(Allowlist(t, where + ".allowlists"));
                }
            }

            var regex = String(table, "regex", where);
            var path = String(table, "path", where);
            if (regex is null && path is null)
            {
                throw Error($"{where}: needs 'regex' or 'path'");
            }

            return new SecretRule
            {
                Id = id,
                Description = String(table, "description", where) ?? string.Empty,
                Regex = regex,
                Path = path,
                SecretGroup = (int)Number(table, "secretGroup", where),
                Entropy = Number(table, "entropy", where),
                Keywords = [.. Strings(table, "keywords", where).Select(k => k.ToLowerInvariant())],
                Tags = Strings(table, "tags", where),
                Allowlists = allowlists.ToImmutable(),
                TruePositives = Strings(table, "tps", where),
                FalsePositives = Strings(table, "fps", where),
            };
        }

        public SecretAllowlist Allowlist(TomlTable table, string where)
        {
            var condition = String(table, "condition", where)?.ToUpperInvariant() switch
            {
                null or "OR" => AllowlistCondition.Or,
                "AND" => AllowlistCondition.And,
                var other => throw Error($"{where}.condition: '{other}' is neither OR nor AND"),
            };
            var target = String(table, "regexTarget", where)?.ToLowerInvariant() switch
            {
                null or "secret" => RegexTarget.Secret,
                "match" => RegexTarget.Match,
                "line" => RegexTarget.Line,
                var other => throw Error($"{where}.regexTarget: '{other}' is not secret, match or line"),
            };
            return new SecretAllowlist
            {
                Description = String(table, "description", where) ?? string.Empty,
                Condition = condition,
                Paths = Strings(table, "paths", where),
                Regexes = Strings(table, "regexes", where),
                RegexTarget = target,
                StopWords = [.. Strings(table, "stopwords", where).Select(s => s.ToLowerInvariant())],
                Commits = Strings(table, "commits", where),
                TargetRules = Strings(table, "targetRules", where),
            };
        }

        public TomlTable Table(object value, string where) =>
            value as TomlTable ?? throw Error($"{where}: expected a table");

        public IEnumerable<TomlTable> Tables(object value, string where) => value switch
        {
            TomlTableArray array => array,
            TomlArray array => array.Select(v => Table(v!, where)),
            TomlTable table => [table],
            _ => throw Error($"{where}: expected an array of tables"),
        };

        public string? String(TomlTable table, string key, string where) =>
            !table.TryGetValue(key, out var v) ? null : v as string ?? throw Error($"{where}.{key}: expected a string");

        public bool Bool(TomlTable table, string key, string where) =>
            table.TryGetValue(key, out var v) && (v is bool b ? b : throw Error($"{where}.{key}: expected true or false"));

        public double Number(TomlTable table, string key, string where) => !table.TryGetValue(key, out var v) ? 0 : v switch
        {
            long l => l,
            int i => i,
            double d => d,
            _ => throw Error($"{where}.{key}: expected a number"),
        };

        public ImmutableArray<string> Strings(TomlTable table, string key, string where)
        {
            if (!table.TryGetValue(key, out var v))
            {
                return [];
            }

            return v is TomlArray array
                ? [.. array.Select(item => item as string ?? throw Error($"{where}.{key}: expected strings"))]
                : throw Error($"{where}.{key}: expected an array of strings");
        }

        private SecretConfigException Error(string message) =>
            new(string.Create(CultureInfo.InvariantCulture, $"{source}: {message}"));
    }
}
