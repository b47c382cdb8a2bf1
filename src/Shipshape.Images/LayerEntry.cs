namespace Shipshape.Images;

/// <summary>One entry of a layer: normalised path, tar type flag and permission bits.</summary>
internal readonly record struct LayerEntry(string Path, char Type, long Mode);
