namespace Shipshape.Core;

/// <summary>A problem with an input (unparseable, too large, skipped) reported as a value; the scan goes on.</summary>
public sealed record Diagnostic(SourceSpan Location, DiagnosticSeverity Severity, string Message)
{
    /// <summary>Set when the diagnostic means that something was not fully checked; the report counts these, and <c>--fail-on-incomplete</c> fails on them.</summary>
    public IncompleteKind? Incomplete { get; init; }

    public static Diagnostic Error(SourceSpan location, string message) => new(location, DiagnosticSeverity.Error, message);
    public static Diagnostic Warning(SourceSpan location, string message) => new(location, DiagnosticSeverity.Warning, message);
    public static Diagnostic Info(SourceSpan location, string message) => new(location, DiagnosticSeverity.Info, message);

    /// <summary>The input was not checked at all (skipped, unreadable, or its reading failed).</summary>
    public static Diagnostic Skipped(SourceSpan location, string message) => new(location, DiagnosticSeverity.Warning, message) { Incomplete = IncompleteKind.Skipped };

    /// <summary>The input was checked only in part (a budget or deadline ran out, findings were capped, a part was unreadable).</summary>
    public static Diagnostic Partial(SourceSpan location, string message) => new(location, DiagnosticSeverity.Warning, message) { Incomplete = IncompleteKind.Partial };
}
