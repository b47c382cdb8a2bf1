namespace Shipshape.Core;

/// <summary>A resource a rule evaluated, as reports name it: file, address and kind.</summary>
public sealed record CheckedResource(string Path, string Address, string Kind);
