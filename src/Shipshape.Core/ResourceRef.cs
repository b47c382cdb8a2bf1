namespace Shipshape.Core;

/// <summary>The resource a finding is about: the name its source uses, its type, and the property path inside it.</summary>
public sealed record ResourceRef(string Address, string Kind, string? Path);
