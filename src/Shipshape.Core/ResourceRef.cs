namespace Shipshape.Core;

/// <summary>
/// The resource a finding is about: the name its source uses, its type, the property path inside it, and a
/// friendlier name where the source gives one (the CDK construct path).
/// </summary>
public sealed record ResourceRef(string Address, string Kind, string? Path, string? DisplayName = null);
