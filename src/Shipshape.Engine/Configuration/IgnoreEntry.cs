namespace Shipshape.Engine.Configuration;

/// <summary>A configured ignore: a rule (or "*"), an optional path glob, resource address and fingerprint, a reason, an optional expiry.</summary>
public sealed record IgnoreEntry(string Rule, string? PathGlob, string? Resource, string Reason, DateOnly? Expires, int Line)
{
    /// <summary>
    /// One finding's fingerprint: the way to ignore a called Terraform module's finding for one caller only, since
    /// its path (the module's file) and address are the same for every root module calling it under that name.
    /// </summary>
    public string? Fingerprint { get; init; }
}
