using System.Globalization;

namespace Shipshape.Core;

/// <summary>
/// The exit code a scan ends with and why, in one place: the command returns <see cref="ExitCode"/> and the
/// console report ends with <see cref="Reason"/>, so what a user reads is what CI acted on.
/// </summary>
/// <param name="ExitCode">0 nothing at or above the threshold (or --soft-fail); 1 findings at or above it; 2 nothing was checked, or something was not and --fail-on-incomplete is set.</param>
/// <param name="Reason">One line, starting with "exit N: ".</param>
public sealed record ScanVerdict(int ExitCode, string Reason)
{
    public static ScanVerdict Of(ScanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var summary = report.Summary;
        var threshold = report.FailOn.ToName();
        if (report.FilesScanned == 0)
        {
            return new(2, "exit 2: nothing was checked (no file in the given paths is one the selected scanners read)");
        }

        if (summary.Incomplete && report.FailOnIncomplete)
        {
            return new(2, Invariant($"exit 2: {summary.NotChecked} {(summary.NotChecked == 1 ? "input" : "inputs")} not checked, {summary.PartlyChecked} checked in part (--fail-on-incomplete)"));
        }

        var failing = report.Active.Count(f => f.Severity >= report.FailOn);
        var findings = failing == 1 ? "1 finding" : Invariant($"{failing} findings");
        if (failing > 0 && report.SoftFail)
        {
            return new(0, $"exit 0: {findings} at or above {threshold}, reported only (--soft-fail)");
        }

        if (failing > 0)
        {
            return new(1, $"exit 1: {findings} at or above {threshold} (--fail-on {threshold})");
        }

        var below = summary.Findings;
        return new(0, below == 0
            ? $"exit 0: no findings (--fail-on {threshold})"
            : Invariant($"exit 0: no finding at or above {threshold}; {below} below it (--fail-on {threshold})"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
