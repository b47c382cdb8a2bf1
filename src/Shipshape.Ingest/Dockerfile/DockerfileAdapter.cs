using System.Collections.Immutable;
using System.Globalization;
using Shipshape.Core;
using Shipshape.Core.Model;

namespace Shipshape.Ingest.Dockerfile;

/// <summary>
/// Maps parsed instructions into one <see cref="DockerfileStage"/> per FROM. Global ARGs (before the first
/// FROM) are substituted into base images; a stage that builds on an earlier stage inherits its USER and
/// HEALTHCHECK, as the image it starts from does (Dockerfile reference, "Understand how ARG and FROM
/// interact", "USER").
/// </summary>
public static class DockerfileAdapter
{
    public const string ResourceKind = "DockerfileStage";

    public static IngestResult Adapt(string path, DockerfileSyntax syntax, string sourceFormat)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        var diagnostics = syntax.Diagnostics.ToBuilder();
        var escape = syntax.Escape;
        var globalArgs = new Dictionary<string, string?>(StringComparer.Ordinal);
        var globalDeclarations = ImmutableArray.CreateBuilder<KeyValue>();
        var stages = new List<DockerfileStage>();
        StageBuilder? current = null;

        foreach (var instruction in syntax.Instructions)
        {
            if (instruction.Keyword == "FROM")
            {
                if (current is not null)
                {
                    stages.Add(current.Build(stages, isFinal: false));
                }

                current = StartStage(instruction, stages.Count, globalArgs, stages, escape, sourceFormat, diagnostics);
                if (stages.Count == 0)
                {
                    // The global ARGs are part of the build; stage 0 carries them so rules see them once.
                    current.AddDeclarations(globalDeclarations);
                }
                continue;
            }

            if (current is null)
            {
                if (instruction.Keyword == "ARG")
                {
                    foreach (var (name, value) in Args(instruction.Arguments, escape))
                    {
                        globalArgs[name] = value is null ? null : DockerfileWords.Substitute(value, n => globalArgs.GetValueOrDefault(n), out _, escape);
                        globalDeclarations.Add(ArgDeclaration(name, value, value, instruction.Span));
                    }
                }
                else
                {
                    diagnostics.Add(Diagnostic.Error(instruction.Span, $"line {instruction.Span.StartLine}: {instruction.Keyword} before the first FROM; only ARG may come before it"));
                }

                continue;
            }

            current.Add(instruction, globalArgs);
        }

        if (current is null)
        {
            if (syntax.Instructions.Length > 0 || diagnostics.Count == 0)
            {
                diagnostics.Add(Diagnostic.Error(SourceSpan.FileOnly(path), "no FROM instruction: not a buildable Dockerfile"));
            }

            return new IngestResult([], diagnostics.ToImmutable());
        }

        stages.Add(current.Build(stages, isFinal: true));
        return new IngestResult([.. stages], diagnostics.ToImmutable());
    }

    private static StageBuilder StartStage(
        DockerfileInstruction from, int index, Dictionary<string, string?> globalArgs,
        List<DockerfileStage> earlier, char escape, string sourceFormat, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var words = DockerfileWords.Split(from.Arguments, escape);
        string? alias = null;
        if (words.Length == 3 && string.Equals(words[1], "AS", StringComparison.OrdinalIgnoreCase))
        {
            alias = words[2];
        }
        else if (words.Length != 1)
        {
            diagnostics.Add(Diagnostic.Error(from.Span, $"line {from.Span.StartLine}: FROM expects an image and optionally 'AS name'"));
        }

        var raw = words.Length > 0 ? words[0] : string.Empty;
        var image = DockerfileWords.Substitute(raw, n => globalArgs.GetValueOrDefault(n), out var unresolved, escape);
        var baseImage = unresolved || image.Length == 0
            ? Value<string>.Unresolved(raw, from.Span, "FROM")
            : Value<string>.Explicit(image, from.Span, "FROM");
        var parent = unresolved ? null : earlier.FirstOrDefault(s => string.Equals(s.Alias, image, StringComparison.OrdinalIgnoreCase))?.Alias;
        return new StageBuilder(from, index, alias, baseImage, parent, escape, sourceFormat);
    }

    /// <summary>An ARG as a pair: explicit when it has its own default, else defaulted to the value it takes.</summary>
    private static KeyValue ArgDeclaration(string name, string? value, string? effective, SourceSpan span) =>
        new(Value<string>.Explicit(name, span, $"ARG.{name}"), value is null
            ? Value<string?>.Defaulted(effective, span, $"ARG.{name}")
            : Value<string?>.Explicit(value, span, $"ARG.{name}"));

    /// <summary>ARG words: "name" or "name=default".</summary>
    internal static IEnumerable<(string Name, string? Value)> Args(string arguments, char escape)
    {
        foreach (var word in DockerfileWords.Split(arguments, escape))
        {
            var eq = word.IndexOf('=', StringComparison.Ordinal);
            yield return eq < 0 ? (word, null) : (word[..eq], word[(eq + 1)..]);
        }
    }

    /// <summary>ENV pairs: "key=value …", or the legacy "key value with spaces".</summary>
    internal static IEnumerable<(string Name, string Value)> Env(string arguments, char escape)
    {
        var words = DockerfileWords.Split(arguments, escape);
        if (words.Length == 0)
        {
            yield break;
        }

        if (!words[0].Contains('=', StringComparison.Ordinal))
        {
            var rest = arguments.Trim();
            var split = rest.IndexOfAny([' ', '\t']);
            var value = split < 0 ? string.Empty : string.Join(' ', DockerfileWords.Split(rest[(split + 1)..], escape));
            yield return (words[0], value);
            yield break;
        }

        foreach (var word in words)
        {
            var eq = word.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                yield return (word[..eq], word[(eq + 1)..]);
            }
        }
    }

    private sealed class StageBuilder(
        DockerfileInstruction from, int index, string? alias, Value<string> baseImage, string? parent, char escape, string sourceFormat)
    {
        private readonly ImmutableArray<DockerfileInstruction>.Builder _instructions = ImmutableArray.CreateBuilder<DockerfileInstruction>();
        private readonly ImmutableArray<KeyValue>.Builder _env = ImmutableArray.CreateBuilder<KeyValue>();
        private readonly ImmutableArray<KeyValue>.Builder _args = ImmutableArray.CreateBuilder<KeyValue>();
        private readonly ImmutableArray<Value<string>>.Builder _ports = ImmutableArray.CreateBuilder<Value<string>>();
        private readonly Dictionary<string, string?> _variables = new(StringComparer.Ordinal);
        private Value<string?>? _user;
        private Value<string?>? _healthcheck;

        public void Add(DockerfileInstruction instruction, Dictionary<string, string?> globalArgs)
        {
            _instructions.Add(instruction);
            var span = instruction.Span;
            switch (instruction.Keyword)
            {
                case "USER":
                    var words = DockerfileWords.Split(instruction.Arguments, escape);
                    var raw = words.Length > 0 ? words[0] : string.Empty;
                    var user = DockerfileWords.Substitute(raw, Lookup, out var unresolved, escape);
                    _user = unresolved ? Value<string?>.Unresolved(raw, span, "USER") : Value<string?>.Explicit(user, span, "USER");
                    break;
                case "HEALTHCHECK":
                    _healthcheck = Value<string?>.Explicit(instruction.Arguments.Trim(), span, "HEALTHCHECK");
                    break;
                case "EXPOSE":
                    foreach (var port in DockerfileWords.Split(instruction.Arguments, escape))
                    {
                        var resolved = DockerfileWords.Substitute(port, Lookup, out var portUnresolved, escape);
                        _ports.Add(portUnresolved ? Value<string>.Unresolved(port, span, "EXPOSE") : Value<string>.Explicit(resolved, span, "EXPOSE"));
                    }

                    break;
                case "ENV":
                    foreach (var (name, value) in Env(instruction.Arguments, escape))
                    {
                        var resolved = DockerfileWords.Substitute(value, Lookup, out var envUnresolved, escape);
                        _env.Add(new KeyValue(
                            Value<string>.Explicit(name, span, $"ENV.{name}"),
                            envUnresolved ? Value<string?>.Unresolved(value, span, $"ENV.{name}") : Value<string?>.Explicit(resolved, span, $"ENV.{name}")));
                        _variables[name] = resolved;
                    }

                    break;
                case "ARG":
                    foreach (var (name, value) in Args(instruction.Arguments, escape))
                    {
                        // A stage's "ARG name" without a default takes the global ARG's default (Dockerfile reference).
                        var effective = value ?? globalArgs.GetValueOrDefault(name);
                        _args.Add(ArgDeclaration(name, value, effective, span));
                        _variables.TryAdd(name, effective);
                    }

                    break;
            }
        }

        public void AddDeclarations(IEnumerable<KeyValue> declarations) => _args.AddRange(declarations);

        public DockerfileStage Build(List<DockerfileStage> earlier, bool isFinal)
        {
            var parentStage = parent is null ? null : earlier.FirstOrDefault(s => string.Equals(s.Alias, parent, StringComparison.OrdinalIgnoreCase));
            // Docker refuses a stage name used twice; such a file is still read, and the second stage gets its own
            // address (name#2), so that its findings and fingerprints are not taken for the first stage's.
            var sameName = alias is null ? 0 : earlier.Count(s => string.Equals(s.Alias, alias, StringComparison.OrdinalIgnoreCase));
            return new DockerfileStage
            {
                Address = alias is null ? $"stage[{index.ToString(CultureInfo.InvariantCulture)}]"
                    : sameName == 0 ? alias
                    : $"{alias}#{(sameName + 1).ToString(CultureInfo.InvariantCulture)}",
                Kind = ResourceKind,
                Span = from.Span,
                SourceFormat = sourceFormat,
                Index = index,
                Alias = alias,
                BaseImage = baseImage,
                ParentStage = parent,
                IsFinal = isFinal,
                User = _user ?? parentStage?.User ?? Value<string?>.Defaulted(null, from.Span, "USER"),
                Healthcheck = _healthcheck ?? parentStage?.Healthcheck ?? Value<string?>.Defaulted(null, from.Span, "HEALTHCHECK"),
                ExposedPorts = _ports.ToImmutable(),
                Environment = _env.ToImmutable(),
                BuildArgs = _args.ToImmutable(),
                Instructions = _instructions.ToImmutable(),
            };
        }

        private string? Lookup(string name) => _variables.TryGetValue(name, out var value) ? value : null;
    }
}
