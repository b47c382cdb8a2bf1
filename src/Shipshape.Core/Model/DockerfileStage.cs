using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>
/// One build stage of a Dockerfile (from its FROM to the next), addressed by its alias or "stage[index]".
/// Values a stage inherits from an earlier stage it builds on (USER) are resolved by the adapter.
/// </summary>
public sealed record DockerfileStage : Resource
{
    public required int Index { get; init; }
    /// <summary>The alias given with FROM … AS name, or null.</summary>
    public required string? Alias { get; init; }
    /// <summary>The base image after build-argument substitution; unresolved when an argument has no value.</summary>
    public required Value<string> BaseImage { get; init; }
    /// <summary>The alias or index of an earlier stage this stage builds on, when it does.</summary>
    public string? ParentStage { get; init; }
    /// <summary>Whether this is the last stage, the one <c>docker build</c> produces by default.</summary>
    public required bool IsFinal { get; init; }
    /// <summary>The user the image runs as: the last USER here or in the stage it builds on; null (defaulted) when none sets it.</summary>
    public required Value<string?> User { get; init; }
    /// <summary>The HEALTHCHECK in force (its arguments, "NONE" to disable); null (defaulted) when none is set.</summary>
    public required Value<string?> Healthcheck { get; init; }
    public ImmutableArray<Value<string>> ExposedPorts { get; init; } = [];
    /// <summary>ENV pairs of this stage.</summary>
    public ImmutableArray<KeyValue> Environment { get; init; } = [];
    /// <summary>ARG declarations of this stage, with their defaults (null when none), plus the global ARGs before the first FROM for stage 0.</summary>
    public ImmutableArray<KeyValue> BuildArgs { get; init; } = [];
    public ImmutableArray<DockerfileInstruction> Instructions { get; init; } = [];

    /// <summary>The RUN instructions of this stage.</summary>
    public IEnumerable<DockerfileInstruction> Runs =>
        Instructions.Where(i => string.Equals(i.Keyword, "RUN", StringComparison.Ordinal));

    /// <summary>Whether the base image is "scratch" (the empty image).</summary>
    public bool FromScratch => BaseImage.IsKnown && string.Equals(BaseImage.Current, "scratch", StringComparison.OrdinalIgnoreCase);
}
