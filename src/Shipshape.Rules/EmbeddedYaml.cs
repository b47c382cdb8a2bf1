using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Shipshape.Rules;

/// <summary>
/// The YAML data files embedded in this assembly (rule metadata, frameworks), read with YamlDotNet's representation
/// model: no reflection-based deserialisation, so Native AOT compatible. <c>what</c> names the kind of file in errors.
/// </summary>
internal static class EmbeddedYaml
{
    /// <summary>Every embedded ".yaml" resource under <paramref name="prefix"/>, by name: its file name and text.</summary>
    public static IEnumerable<(string FileName, string Text)> Read(string prefix, string what)
    {
        var assembly = typeof(EmbeddedYaml).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal) || !name.EndsWith(".yaml", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new RuleMetadataException($"{what} resource '{name}' cannot be opened.");
            using var reader = new StreamReader(stream);
            yield return (name[prefix.Length..], reader.ReadToEnd());
        }
    }

    /// <summary>The root mapping of a file that must hold exactly one document.</summary>
    /// <exception cref="RuleMetadataException">The file is not valid YAML or its root is not a mapping.</exception>
    public static YamlMappingNode Root(string fileName, string yaml, string what)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode mapping
                ? mapping
                : throw new RuleMetadataException($"{what} file '{fileName}' must hold exactly one document whose root is a mapping.");
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // YamlDotNet's scanner reports some malformed input (an unclosed flow sequence) as InvalidOperationException.
            throw new RuleMetadataException($"{what} file '{fileName}' is not valid YAML: {e.Message}", e);
        }
    }
}
