namespace Shipshape.Cli;

/// <summary>One requested report: a format, and a file or standard output (null).</summary>
public sealed record OutputTarget(string Format, string? File);
