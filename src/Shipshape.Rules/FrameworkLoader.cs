using System.Collections.Immutable;
using Shipshape.Core;
using YamlDotNet.RepresentationModel;

namespace Shipshape.Rules;

/// <summary>
/// Reads the framework definitions (one YAML file per framework, embedded in this assembly) with YamlDotNet's
/// representation model, like the rule metadata: no reflection, Native AOT compatible.
/// </summary>
public static class FrameworkLoader
{
    /// <summary>The manifest resource name prefix the project file gives the embedded framework files.</summary>
    public const string ResourcePrefix = "Shipshape.Rules.Frameworks.";

    /// <summary>Loads every embedded framework, sorted by ID.</summary>
    /// <exception cref="RuleMetadataException">A file is malformed; the message names it.</exception>
    public static ImmutableArray<Framework> LoadEmbedded() =>
        [.. EmbeddedYaml.Read(ResourcePrefix, "Framework").Select(f => Parse(f.FileName, f.Text)).OrderBy(f => f.Id, StringComparer.Ordinal)];

    /// <summary>Parses one framework file; <paramref name="fileName"/> must be "&lt;id&gt;.yaml".</summary>
    /// <exception cref="RuleMetadataException">The file is malformed; the message names it.</exception>
    public static Framework Parse(string fileName, string yaml)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(yaml);
        var root = EmbeddedYaml.Root(fileName, yaml, "Framework");
        var id = Scalar(fileName, root, "id");
        if (!string.Equals(fileName, id + ".yaml", StringComparison.Ordinal))
        {
            throw Error(fileName, $"declares id '{id}' but should then be named '{id}.yaml'");
        }

        var sections = ImmutableArray.CreateBuilder<FrameworkSection>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in Items(fileName, root, "sections"))
        {
            var section = node as YamlMappingNode ?? throw Error(fileName, "has a section that is not a mapping");
            var requirements = ImmutableArray.CreateBuilder<FrameworkRequirement>();
            foreach (var item in Items(fileName, section, "requirements"))
            {
                var requirement = item as YamlMappingNode ?? throw Error(fileName, "has a requirement that is not a mapping");
                var requirementId = Scalar(fileName, requirement, "id");
                if (!seen.Add(requirementId))
                {
                    throw Error(fileName, $"lists requirement '{requirementId}' twice");
                }

                requirements.Add(new FrameworkRequirement(requirementId, Scalar(fileName, requirement, "title")));
            }

            sections.Add(new FrameworkSection(Scalar(fileName, section, "id"), Scalar(fileName, section, "title"), requirements.ToImmutable()));
        }

        return new Framework
        {
            Id = id,
            Tag = Scalar(fileName, root, "tag"),
            Name = Scalar(fileName, root, "name"),
            Version = Scalar(fileName, root, "version"),
            Url = Scalar(fileName, root, "url"),
            Sections = sections.ToImmutable(),
        };
    }

    private static string Scalar(string fileName, YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { Length: > 0 } text }
            ? text.Trim()
            : throw Error(fileName, $"lacks the text field '{key}'");

    private static IEnumerable<YamlNode> Items(string fileName, YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlSequenceNode sequence
            ? sequence.Children
            : throw Error(fileName, $"lacks the list '{key}'");

    private static RuleMetadataException Error(string fileName, string problem) => new($"Framework file '{fileName}' {problem}.");
}
