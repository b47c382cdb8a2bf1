namespace Shipshape.Engine.Baselines;

/// <summary>One accepted finding in a baseline file: its fingerprint and, when the file says them, rule, path and resource address.</summary>
public sealed record BaselineEntry(string Fingerprint, string? RuleId, string? Path, string? Resource);
