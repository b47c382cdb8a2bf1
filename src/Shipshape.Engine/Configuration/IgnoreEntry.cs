namespace Shipshape.Engine.Configuration;

/// <summary>A configured ignore: a rule (or "*"), an optional path glob and resource address, a reason, an optional expiry.</summary>
public sealed record IgnoreEntry(string Rule, string? PathGlob, string? Resource, string Reason, DateOnly? Expires, int Line);
