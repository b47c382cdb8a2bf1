namespace Shipshape.Core;

/// <summary>One requirement or control of a framework, with the ID and title its document gives.</summary>
public sealed record FrameworkRequirement(string Id, string Title);
