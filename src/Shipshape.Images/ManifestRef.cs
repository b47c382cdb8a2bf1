using System.Collections.Immutable;

namespace Shipshape.Images;

/// <summary>
/// One image manifest of an input, by member names: its config, its layers in order (bottom first), the names the
/// archive gives it, its platform, the manifest member itself and the indexes above it, and the layout's format.
/// </summary>
internal sealed record ManifestRef(string ConfigName, ImmutableArray<string> Layers, ImmutableArray<string> Tags, string? Platform,
    string ManifestName, ImmutableArray<string> Parents, string Format);
