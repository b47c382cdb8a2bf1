using System.Collections.Immutable;

namespace Shipshape.Core;

/// <summary>
/// A compliance framework as its own document structures it (sections, requirements); loaded from one data file per
/// framework. Which rules check a requirement comes from the rules' metadata (<c>frameworks:</c> entries "TAG:ID").
/// </summary>
public sealed record Framework
{
    /// <summary>The name the command line takes, for example "aws-fsbp".</summary>
    public required string Id { get; init; }
    /// <summary>The prefix rule metadata uses, for example "AWS-FSBP" in "AWS-FSBP:ECS.4".</summary>
    public required string Tag { get; init; }
    public required string Name { get; init; }
    public required string Version { get; init; }
    public required string Url { get; init; }
    public required ImmutableArray<FrameworkSection> Sections { get; init; }

    public IEnumerable<FrameworkRequirement> Requirements => Sections.SelectMany(s => s.Requirements);
}
