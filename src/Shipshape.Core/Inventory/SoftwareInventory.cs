using System.Collections.Immutable;

namespace Shipshape.Core.Inventory;

/// <summary>
/// What one subject contains: a container image's distribution and packages of its final filesystem, or a source
/// tree's packages from its lockfiles. The SBOM writers (CycloneDX, SPDX) write one document of these.
/// </summary>
public sealed record SoftwareInventory
{
    /// <summary>The image's first tag or ID, or the scanned directory.</summary>
    public required string Name { get; init; }

    /// <summary>What the subject is: <see cref="ContainerKind"/> or <see cref="SourceKind"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The image ID ("sha256:…") of an image; null for a source tree.</summary>
    public string? Version { get; init; }

    /// <summary>The image's distribution, when os-release says.</summary>
    public OperatingSystemInfo? OperatingSystem { get; init; }

    /// <summary>Packages ordered by type, name, version and location; one per package URL.</summary>
    public ImmutableArray<SoftwarePackage> Packages { get; init; } = [];

    public const string ContainerKind = "container";

    public const string SourceKind = "source";
}
