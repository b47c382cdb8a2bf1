namespace Shipshape.Core;

/// <summary>How serious a problem with the input is.</summary>
public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}
