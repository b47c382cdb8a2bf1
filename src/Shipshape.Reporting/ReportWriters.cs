using System.Diagnostics.CodeAnalysis;

namespace Shipshape.Reporting;

/// <summary>The catalogue of report formats: finds a writer by its format name.</summary>
public static class ReportWriters
{
    /// <summary>The format names, in the order help text lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["console", "json", "sarif", "junit", "markdown", "html", "asff", "ocsf", "cyclonedx", "spdx"];

    /// <summary>The formats that write the scan's software inventory (its SBOM), not its findings.</summary>
    public static IReadOnlyList<string> Sbom { get; } = ["cyclonedx", "spdx"];

    /// <summary>The formats that use <see cref="SecurityFindingOptions"/>: a time (for the SBOMs, their creation time), and for ASFF the AWS account and Region.</summary>
    public static IReadOnlyList<string> NeedingFindingOptions { get; } = ["asff", "ocsf", "cyclonedx", "spdx"];

    /// <summary>Whether <paramref name="format"/> names a known format (case-insensitive).</summary>
    public static bool IsKnown(string? format) =>
        format is not null && Names.Contains(format.Trim().ToLowerInvariant(), StringComparer.Ordinal);

    /// <summary>A writer for <paramref name="format"/>; throws <see cref="ArgumentException"/> for an unknown name.</summary>
    public static IReportWriter Create(string format) => Create(format, color: false);

    /// <summary>A writer for <paramref name="format"/>; <paramref name="color"/> only affects the console writer.</summary>
    public static IReportWriter Create(string format, bool color) => Create(format, color, ConsoleDetail.Normal);

    /// <summary>A writer for <paramref name="format"/>; <paramref name="color"/> and <paramref name="detail"/> only affect the console writer.</summary>
    public static IReportWriter Create(string format, bool color, ConsoleDetail detail) => Create(format, color, detail, findings: null);

    /// <summary>
    /// A writer for <paramref name="format"/>; <paramref name="findings"/> is what the ASFF and OCSF writers need
    /// (they throw <see cref="ArgumentException"/> without it, and ASFF without an account and Region).
    /// </summary>
    public static IReportWriter Create(string format, bool color, ConsoleDetail detail, SecurityFindingOptions? findings) =>
        TryCreate(format, color, detail, findings, out var writer)
            ? writer
            : throw new ArgumentException(
                $"Unknown report format '{format}'. Known formats: {string.Join(", ", Names)}.", nameof(format));

    /// <summary>A writer for <paramref name="format"/>, or false for an unknown name.</summary>
    public static bool TryCreate(string? format, bool color, [NotNullWhen(true)] out IReportWriter? writer) =>
        TryCreate(format, color, ConsoleDetail.Normal, out writer);

    /// <summary>A writer for <paramref name="format"/>; <paramref name="color"/> and <paramref name="detail"/> only affect the console writer.</summary>
    public static bool TryCreate(string? format, bool color, ConsoleDetail detail, [NotNullWhen(true)] out IReportWriter? writer) =>
        TryCreate(format, color, detail, findings: null, out writer);

    /// <summary>A writer for <paramref name="format"/>, or false for an unknown name; see <see cref="Create(string, bool, ConsoleDetail, SecurityFindingOptions?)"/>.</summary>
    public static bool TryCreate(string? format, bool color, ConsoleDetail detail, SecurityFindingOptions? findings, [NotNullWhen(true)] out IReportWriter? writer)
    {
        writer = format?.Trim().ToUpperInvariant() switch
        {
            "CONSOLE" => new ConsoleReportWriter(color, detail),
            "JSON" => new JsonReportWriter(),
            "SARIF" => new SarifReportWriter(),
            "JUNIT" => new JUnitReportWriter(),
            "MARKDOWN" => new MarkdownReportWriter(),
            "HTML" => new HtmlReportWriter(),
            "ASFF" => new AsffReportWriter(findings ?? throw new ArgumentException("The asff format needs the AWS account, Region and time of the export.", nameof(findings))),
            "OCSF" => new OcsfReportWriter(findings ?? throw new ArgumentException("The ocsf format needs the time of the export.", nameof(findings))),
            "CYCLONEDX" => new CycloneDxReportWriter(findings?.Time),
            "SPDX" => new SpdxReportWriter(findings?.Time ?? DateTimeOffset.UnixEpoch),
            _ => null,
        };
        return writer is not null;
    }
}
