using System.Text.Json;

namespace Shipshape.Reporting;

/// <summary>
/// A finding of an earlier export: its ASFF Id and, from a previous ASFF file, the whole record; from a baseline, only
/// what a baseline entry says (fingerprint, rule, path, resource).
/// </summary>
/// <param name="Id">The ASFF Id, <see cref="AsffReportWriter.FindingId"/> of the fingerprint.</param>
/// <param name="Record">The previous ASFF record (a JSON object), or null for a baseline entry.</param>
public sealed record PreviousFinding(string Id, JsonElement? Record, string? RuleId = null, string? Path = null, string? Resource = null);
