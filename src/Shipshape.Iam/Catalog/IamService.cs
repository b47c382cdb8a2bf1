using System.Collections.Immutable;

namespace Shipshape.Iam.Catalog;

/// <summary>One AWS service of the catalogue: its resource types with ARN formats, condition keys and actions.</summary>
public sealed record IamService(
    string Prefix,
    string Name,
    ImmutableDictionary<string, string> ResourceArnFormats,
    ImmutableDictionary<string, string> ConditionKeyTypes,
    ImmutableArray<IamAction> Actions);
