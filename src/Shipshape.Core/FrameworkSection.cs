using System.Collections.Immutable;

namespace Shipshape.Core;

/// <summary>A section of a framework (a PCI DSS principal requirement, a Security Hub service), with its requirements.</summary>
public sealed record FrameworkSection(string Id, string Title, ImmutableArray<FrameworkRequirement> Requirements);
