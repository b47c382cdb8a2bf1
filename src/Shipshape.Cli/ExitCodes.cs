namespace Shipshape.Cli;

/// <summary>The documented process exit codes.</summary>
public static class ExitCodes
{
    /// <summary>No finding at or above the threshold.</summary>
    public const int Clean = 0;
    /// <summary>Findings at or above the threshold remain.</summary>
    public const int Findings = 1;
    /// <summary>Usage or configuration error: nothing was scanned.</summary>
    public const int Usage = 2;
    /// <summary>Internal error.</summary>
    public const int Internal = 3;
}
