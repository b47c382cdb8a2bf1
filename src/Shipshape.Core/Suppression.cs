namespace Shipshape.Core;

/// <summary>Why a finding does not count: an inline comment, a configuration ignore or a baseline entry.</summary>
public sealed record Suppression(SuppressionKind Kind, string? Reason);
