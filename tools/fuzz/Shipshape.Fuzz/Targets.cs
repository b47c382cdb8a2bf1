using System.Collections.Immutable;
using System.Text;
using Shipshape.Core;
using Shipshape.Hcl.Evaluation;
using Shipshape.Hcl.Syntax;
using Shipshape.Ingest.CloudFormation;
using Shipshape.Ingest.Dockerfile;
using Shipshape.Ingest.Syntax;
using Shipshape.Secrets.Config;
using Shipshape.Secrets.Detection;
using Shipshape.Secrets.Sources;

namespace Shipshape.Fuzz;

/// <summary>One fuzz target: what it exercises and the harness run on each input.</summary>
internal sealed record Target(string Description, Action<byte[]> Run);

/// <summary>
/// The harnesses. Each calls a component's public entry point the way the scanner does and lets every
/// exception the component does not declare escape (a crash for afl-fuzz); declared failures are caught.
/// </summary>
internal static class Targets
{
    public static IReadOnlyDictionary<string, Target> All { get; } = new SortedDictionary<string, Target>(StringComparer.Ordinal)
    {
        ["yaml-json"] = new("positioned JSON/YAML tree (StructuredParser), every node visited", YamlJson),
        ["hcl-parse"] = new("HCL native syntax: HclParser.Parse, ParseExpression and ParseTemplate", HclParse),
        ["hcl-eval"] = new("HCL parse, then every attribute evaluated (locals/vars resolve to top-level attributes, file() reads the input) within an HclBudget", HclEval),
        ["cfn"] = new("CloudFormation templates (StructuredParser + CloudFormationReader, intrinsic functions, conditions)", CloudFormation),
        ["dockerfile"] = new("Dockerfiles (DockerfileReader: DockerfileParser, shell splitting, stage adapter)", Dockerfile),
        ["gitleaks-toml"] = new("gitleaks TOML configuration (GitleaksConfigLoader.Parse, Merge over the built-in rules, SecretEngine.Create, a scan of the input's first lines)", GitleaksToml),
        ["archive"] = new("zip, tar, gzip and tar.gz archives, nested (ArchiveReader)", Archive),
        ["inventory"] = new("package inventory readers: rpm's SQLite database (SqliteTable, RpmHeader), Go build information (ELF program headers, header search, module lines), yarn.lock, pnpm-lock.yaml, go.mod, go.sum, Java archives", Inventory),
        ["git-pack"] = new("git v2 pack index + pack with OFS/REF deltas (GitRepository on a temp repository; input = u32 BE index length, index, pack), commits and trees parsed", GitPackInput.Run),
    };

    private static void Inventory(byte[] input)
    {
        _ = Images.Inventory.RpmDatabase.ParseSqlite(input, "fuzz", "rhel", "rhel-9");
        foreach (var (offset, length) in Images.Inventory.GoBuildInfo.Locate(input, input.Length))
        {
            var segment = input.AsSpan((int)offset, (int)Math.Min(length, input.Length - offset));
            if (Images.Inventory.GoBuildInfo.IndexOfHeader(segment) is var at and >= 0)
            {
                _ = Images.Inventory.GoBuildInfo.Parse(Images.Inventory.GoBuildInfo.Blob(segment[at..]), "fuzz");
            }
        }

        _ = Images.Inventory.GoBuildInfo.Parse(input, "fuzz");
        var text = Encoding.UTF8.GetString(input);
        _ = Images.Inventory.NodeLockfiles.YarnLock(text, "fuzz").Count();
        _ = Images.Inventory.NodeLockfiles.PnpmLock(text, "fuzz").Count();
        _ = Images.Inventory.GoModules.GoMod(text, "fuzz").Count();
        _ = Images.Inventory.GoModules.GoSum(text, "fuzz").Count();
        _ = Images.Inventory.GoModules.IsComplete(text);
        _ = Images.Inventory.JavaArchives.Parse(input, "fuzz");
    }

    private static void YamlJson(byte[] input)
    {
        var document = StructuredParser.Parse("fuzz.yaml", input);
        foreach (var root in document.Roots)
        {
            Visit(root);
        }

        foreach (var diagnostic in document.Diagnostics)
        {
            _ = diagnostic.ToString();
        }
    }

    /// <summary>Touches every node without recursion, so a deep tree cannot overflow the harness's own stack.</summary>
    private static void Visit(SyntaxNode root)
    {
        var pending = new Stack<SyntaxNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case MappingNode mapping:
                    foreach (var entry in mapping.Entries)
                    {
                        _ = entry.Key.Text;
                        pending.Push(entry.Value);
                    }

                    break;
                case SequenceNode sequence:
                    foreach (var item in sequence.Items)
                    {
                        pending.Push(item);
                    }

                    break;
                case ScalarNode scalar:
                    _ = scalar.Text;
                    break;
            }
        }
    }

    private static void HclParse(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        _ = HclParser.Parse("fuzz.tf", text);
        _ = HclParser.ParseExpression("fuzz.tf", text);
        _ = HclParser.ParseTemplate("fuzz.tf.json", text, 1);
    }

    private static void HclEval(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        var file = HclParser.Parse("fuzz.tf", text);
        var evaluator = new HclEvaluator(new HclBudget(steps: 200_000, reads: 50));
        var scope = new FuzzScope(file.Body, evaluator, new InputFileSystem(text));
        var bodies = new Stack<HclBody>();
        bodies.Push(file.Body);
        while (bodies.Count > 0)
        {
            var body = bodies.Pop();
            foreach (var attribute in body.Attributes)
            {
                var value = evaluator.Evaluate(attribute.Expression, scope);
                _ = HclJson.Encode(value);
                _ = HclConvert.TryString(value, out _);
            }

            foreach (var block in body.Blocks)
            {
                bodies.Push(block.Body);
            }
        }
    }

    private static void CloudFormation(byte[] input)
    {
        var document = StructuredParser.Parse("template.yaml", input);
        var reader = new CloudFormationReader();
        foreach (var root in document.Roots)
        {
            if (reader.CanRead(root))
            {
                _ = reader.Read("template.yaml", root);
            }
        }
    }

    private static void Dockerfile(byte[] input) => _ = new DockerfileReader().Read("Dockerfile", input);

    private static void GitleaksToml(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        SecretConfig config;
        SecretEngine engine;
        try
        {
            config = GitleaksConfigLoader.Parse(text, ".gitleaks.toml");
            _ = GitleaksConfigLoader.Merge(GitleaksConfigLoader.BuiltIn, config);
            engine = SecretEngine.Create(config);
        }
        catch (SecretConfigException)
        {
            return; // declared: malformed TOML, a wrong type, an invalid regex
        }

        // The input's own first lines hold the rules' keywords, so their regexes run; bounded, since a user's
        // own slow regex is theirs (each line has the engine's 250 ms timeout).
        var lines = text.Split('\n');
        _ = engine.Scan(string.Join('\n', lines.Take(16)), "fuzz.txt");
    }

    private static void Archive(byte[] input)
    {
        var problems = new List<Diagnostic>();
        foreach (var entry in new ArchiveReader(maxEntryBytes: 1 << 20, maxTotalBytes: 8 << 20).Read("fuzz.tgz", input, problems))
        {
            _ = entry.Content.Length;
        }
    }

    /// <summary>
    /// Names resolve as Terraform's do, loosely: var.X and local.X to the top-level attribute X (evaluated once,
    /// a cycle is an error-unknown), count.index and each.key/value to fixed values, any other reference to an unknown.
    /// </summary>
    private sealed class FuzzScope(HclBody body, HclEvaluator evaluator, IHclFileSystem files) : IHclScope
    {
        private readonly Dictionary<string, HclValue> _done = new(StringComparer.Ordinal);
        private readonly HashSet<string> _busy = new(StringComparer.Ordinal);

        public IHclFileSystem? Files => files;

        public HclValue? Lookup(string root, string? attribute, SourceSpan span)
        {
            if (attribute is null)
            {
                return null;
            }

            switch (root)
            {
                case "var" or "local":
                    if (_done.TryGetValue(attribute, out var done))
                    {
                        return done;
                    }

                    if (body.Attribute(attribute) is not { } definition)
                    {
                        return HclUnknown.Error($"no attribute '{attribute}'");
                    }

                    if (!_busy.Add(attribute))
                    {
                        return HclUnknown.Error($"'{attribute}' refers to itself");
                    }

                    try
                    {
                        var value = evaluator.Evaluate(definition.Expression, this);
                        _done[attribute] = value;
                        return value;
                    }
                    finally
                    {
                        _busy.Remove(attribute);
                    }

                case "count":
                    return HclObject.From([new("index", HclValue.Of(0))]);
                case "each":
                    return HclObject.From([new("key", HclValue.Of("k")), new("value", HclValue.Of("v"))]);
                default:
                    return new HclUnknown(ImmutableArray.Create($"{root}.{attribute}"));
            }
        }
    }

    /// <summary>file() and templatefile() read the input itself under any name ending in .tpl or .tf.</summary>
    private sealed class InputFileSystem(string text) : IHclFileSystem
    {
        public (string Text, string DisplayPath)? Read(string path) =>
            path.EndsWith(".tpl", StringComparison.Ordinal) || path.EndsWith(".tf", StringComparison.Ordinal)
                ? (text, "fuzz.tf")
                : null;
    }
}
