using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Shipshape.Core;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Shipshape.Rules;

/// <summary>
/// Reads rule metadata (one YAML file per rule, embedded in this assembly) with YamlDotNet's representation
/// model: no reflection-based deserialisation, so it stays Native AOT compatible.
/// </summary>
public static class RuleMetadataLoader
{
    /// <summary>The manifest resource name prefix the project file gives the embedded metadata files.</summary>
    public const string ResourcePrefix = "Shipshape.Rules.Metadata.";

    private static readonly ImmutableHashSet<string> KnownKeys =
    [
        "id", "title", "severity", "practice", "description", "rationale", "remediation", "references",
        "equivalents", "sources", "subjects", "frameworks", "bad_example", "good_example", "examples",
    ];

    /// <summary>Loads every embedded metadata file, sorted by rule ID.</summary>
    /// <exception cref="RuleMetadataException">A file is malformed; the message names it.</exception>
    /// <remarks>The files are parsed in parallel (every command loads them before it starts); a malformed file is
    /// reported as a sequential load would, the first in file order.</remarks>
    public static ImmutableArray<RuleMetadata> LoadEmbedded()
    {
        var files = EmbeddedYaml.Read(ResourcePrefix, "Rule metadata").ToList();
        var parsed = new RuleMetadata[files.Count];
        var errors = new RuleMetadataException?[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            try
            {
                parsed[i] = Parse(files[i].FileName, files[i].Text);
            }
            catch (RuleMetadataException ex)
            {
                errors[i] = ex;
            }
        });
        if (errors.FirstOrDefault(e => e is not null) is { } error)
        {
            ExceptionDispatchInfo.Capture(error).Throw();
        }

        return [.. parsed.OrderBy(m => m.Id, StringComparer.Ordinal)];
    }

    /// <summary>Parses one metadata file; <paramref name="fileName"/> must be "&lt;ID&gt;.yaml".</summary>
    /// <exception cref="RuleMetadataException">The file is malformed; the message names it.</exception>
    public static RuleMetadata Parse(string fileName, string yaml)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(yaml);

        var root = EmbeddedYaml.Root(fileName, yaml, "Rule metadata");

        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? throw Error(fileName, "has a key that is not a scalar");
            if (!KnownKeys.Contains(key))
            {
                throw Error(fileName, $"has an unknown field '{key}'");
            }

            fields[key] = valueNode;
        }

        var id = RequiredScalar(fileName, fields, "id");
        var expectedFile = id + ".yaml";
        if (!string.Equals(fileName, expectedFile, StringComparison.Ordinal))
        {
            throw Error(fileName, $"declares id '{id}' but should then be named '{expectedFile}'");
        }

        var severityText = RequiredScalar(fileName, fields, "severity");
        if (!SeverityNames.TryParse(severityText, out var severity)
            || !string.Equals(severity.ToName(), severityText, StringComparison.Ordinal))
        {
            throw Error(fileName, $"has severity '{severityText}'; expected info, low, medium, high or critical");
        }

        var practiceText = RequiredScalar(fileName, fields, "practice");
        if (!PracticeNames.TryParse(practiceText, out var practice)
            || !string.Equals(practice.ToId(), practiceText, StringComparison.Ordinal))
        {
            throw Error(fileName, $"has practice '{practiceText}'; expected one of {string.Join(", ", PracticeNames.All.Select(p => p.ToId()))}");
        }

        var sources = Sequence(fileName, fields, "sources");
        foreach (var source in sources.Where(s => !RuleExampleSources.All.Contains(s)))
        {
            throw Error(fileName, $"names the unknown source '{source}'; expected one of {string.Join(", ", RuleExampleSources.All)}");
        }

        var subjects = Sequence(fileName, fields, "subjects");
        foreach (var subject in subjects.Where(s => !ModelSubjects.All.Contains(s)))
        {
            throw Error(fileName, $"names the unknown subject '{subject}'; expected model type names such as Workload, IamRole, SourceFile");
        }

        return new RuleMetadata
        {
            Id = id,
            Title = RequiredScalar(fileName, fields, "title"),
            Severity = severity,
            Practice = practice,
            Description = RequiredScalar(fileName, fields, "description"),
            Rationale = RequiredScalar(fileName, fields, "rationale"),
            Remediation = RequiredScalar(fileName, fields, "remediation"),
            References = Sequence(fileName, fields, "references"),
            Equivalents = Sequence(fileName, fields, "equivalents"),
            Sources = sources,
            Subjects = subjects,
            Examples = Examples(fileName, fields, sources),
            Frameworks = Sequence(fileName, fields, "frameworks"),
            BadExample = OptionalScalar(fileName, fields, "bad_example"),
            GoodExample = OptionalScalar(fileName, fields, "good_example"),
        };
    }

    private static string RequiredScalar(string fileName, Dictionary<string, YamlNode> fields, string key) =>
        OptionalScalar(fileName, fields, key) ?? throw Error(fileName, $"lacks the required field '{key}'");

    private static string? OptionalScalar(string fileName, Dictionary<string, YamlNode> fields, string key)
    {
        if (!fields.TryGetValue(key, out var node))
        {
            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            throw Error(fileName, $"has field '{key}' that is not a scalar");
        }

        var text = scalar.Value?.Trim();
        return string.IsNullOrEmpty(text) ? null : text.ReplaceLineEndings("\n");
    }

    private static ImmutableArray<string> Sequence(string fileName, Dictionary<string, YamlNode> fields, string key)
    {
        if (!fields.TryGetValue(key, out var node))
        {
            return [];
        }

        if (node is YamlScalarNode { Value: null or "" })
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            throw Error(fileName, $"has field '{key}' that is not a list");
        }

        var items = ImmutableArray.CreateBuilder<string>(sequence.Children.Count);
        foreach (var item in sequence.Children)
        {
            var text = (item as YamlScalarNode)?.Value?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                throw Error(fileName, $"has an empty or non-scalar entry in '{key}'");
            }

            items.Add(text);
        }

        return items.ToImmutable();
    }

    private static readonly ImmutableHashSet<string> ExampleKeys = ["source", "bad", "good", "file"];

    private static ImmutableArray<RuleExample> Examples(string fileName, Dictionary<string, YamlNode> fields, ImmutableArray<string> sources)
    {
        if (!fields.TryGetValue("examples", out var node) || node is YamlScalarNode { Value: null or "" })
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            throw Error(fileName, "has field 'examples' that is not a list");
        }

        var examples = ImmutableArray.CreateBuilder<RuleExample>(sequence.Children.Count);
        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode mapping)
            {
                throw Error(fileName, "has an entry in 'examples' that is not a mapping");
            }

            var entry = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (keyNode, valueNode) in mapping.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value;
                if (key is null || !ExampleKeys.Contains(key))
                {
                    throw Error(fileName, $"has an example with the unknown field '{key}' (expected source, bad, good, file)");
                }

                entry[key] = valueNode;
            }

            var source = OptionalScalar(fileName, entry, "source") ?? throw Error(fileName, "has an example without 'source'");
            if (!sources.Contains(source))
            {
                throw Error(fileName, $"has an example for '{source}', which is not among its sources");
            }

            var bad = OptionalScalar(fileName, entry, "bad") ?? throw Error(fileName, $"has a '{source}' example without 'bad'");
            var good = OptionalScalar(fileName, entry, "good") ?? throw Error(fileName, $"has a '{source}' example without 'good'");
            examples.Add(new RuleExample(source, bad + "\n", good + "\n", OptionalScalar(fileName, entry, "file")));
        }

        return examples.ToImmutable();
    }

    private static RuleMetadataException Error(string fileName, string problem) =>
        new($"Rule metadata file '{fileName}' {problem}.");
}
