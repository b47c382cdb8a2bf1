namespace Shipshape.Images;

/// <summary>One entry of a layer: normalised path, tar type flag, permission bits and data size.</summary>
internal readonly record struct LayerEntry(string Path, char Type, long Mode, long Size = 0);
