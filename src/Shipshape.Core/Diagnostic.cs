namespace Shipshape.Core;

/// <summary>A problem with an input (unparseable, too large, skipped) reported as a value; the scan goes on.</summary>
public sealed record Diagnostic(SourceSpan Location, DiagnosticSeverity Severity, string Message)
{
    public static Diagnostic Error(SourceSpan location, string message) => new(location, DiagnosticSeverity.Error, message);
    public static Diagnostic Warning(SourceSpan location, string message) => new(location, DiagnosticSeverity.Warning, message);
    public static Diagnostic Info(SourceSpan location, string message) => new(location, DiagnosticSeverity.Info, message);
}
