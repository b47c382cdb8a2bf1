using System.Collections.Immutable;
using Shipshape.Core;

namespace Shipshape.Reporting;

/// <summary>What a compliance view needs besides the report: the framework and, per requirement ID, the rules mapped to it.</summary>
public sealed record ComplianceOptions(Framework Framework, ImmutableSortedDictionary<string, ImmutableArray<string>> RulesByRequirement);
