using System.Collections.Immutable;
using Shipshape.Core;

namespace Shipshape.Rules;

/// <summary>
/// The frameworks and, per requirement, the rules that check it, from the rules' metadata (the one place a rule is
/// linked to a requirement). Built once and passed in.
/// </summary>
public sealed class FrameworkCatalog
{
    public FrameworkCatalog(ImmutableArray<Framework> frameworks, IEnumerable<RuleMetadata> rules)
    {
        Frameworks = frameworks;
        RulesByReference = rules
            .SelectMany(r => r.Frameworks.Select(f => (Reference: f, r.Id)))
            .GroupBy(p => p.Reference, StringComparer.Ordinal)
            .ToImmutableSortedDictionary(g => g.Key, g => g.Select(p => p.Id).Order(StringComparer.Ordinal).ToImmutableArray(), StringComparer.Ordinal);
    }

    public static FrameworkCatalog CreateDefault(RuleCatalog rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new FrameworkCatalog(FrameworkLoader.LoadEmbedded(), rules.Metadata.Values);
    }

    public ImmutableArray<Framework> Frameworks { get; }

    /// <summary>Rule IDs by framework reference ("AWS-FSBP:ECS.4").</summary>
    public ImmutableSortedDictionary<string, ImmutableArray<string>> RulesByReference { get; }

    /// <summary>A framework by its ID or tag, case-insensitively; null when there is none.</summary>
    public Framework? Find(string name) => Frameworks.FirstOrDefault(f =>
        string.Equals(f.Id, name, StringComparison.OrdinalIgnoreCase) || string.Equals(f.Tag, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The rules mapped to each requirement of <paramref name="framework"/> (requirements without rules: empty).</summary>
    public ImmutableSortedDictionary<string, ImmutableArray<string>> RulesFor(Framework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        return framework.Requirements.ToImmutableSortedDictionary(
            r => r.Id, r => RulesByReference.GetValueOrDefault(framework.Tag + ":" + r.Id, []), StringComparer.Ordinal);
    }
}
