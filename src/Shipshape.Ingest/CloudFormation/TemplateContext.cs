using System.Collections.Immutable;
using Shipshape.Ingest.Syntax;

namespace Shipshape.Ingest.CloudFormation;

/// <summary>What intrinsic functions read: parameters (with overrides), mappings, conditions and resource names.</summary>
internal sealed class TemplateContext
{
    private const StringComparison Cmp = StringComparison.Ordinal;

    public TemplateContext(MappingNode root, CloudFormationOptions options)
    {
        Mappings = root.Get("Mappings", Cmp) as MappingNode;
        ConditionDefinitions = root.Get("Conditions", Cmp) as MappingNode;
        Resources = root.Get("Resources", Cmp) as MappingNode;
        ResourceIds = Resources?.Entries.Select(e => e.Key.Text).ToImmutableHashSet(StringComparer.Ordinal) ?? [];
        Overrides = options.Parameters;
        var parameters = new Dictionary<string, MappingNode?>(StringComparer.Ordinal);
        if (root.Get("Parameters", Cmp) is MappingNode declared)
        {
            foreach (var entry in declared.Entries)
            {
                parameters[entry.Key.Text] = entry.Value as MappingNode;
            }
        }

        Parameters = parameters;
    }

    public MappingNode? Mappings { get; }
    public MappingNode? ConditionDefinitions { get; }
    public MappingNode? Resources { get; }
    public ImmutableHashSet<string> ResourceIds { get; }
    public IReadOnlyDictionary<string, MappingNode?> Parameters { get; }
    public ImmutableDictionary<string, string> Overrides { get; }
}
