namespace Shipshape.Reporting;

/// <summary>How much the console report shows.</summary>
public enum ConsoleDetail
{
    /// <summary>One line per finding and the verdict: nothing else (--compact).</summary>
    Compact,

    /// <summary>One line per finding, the fix once per rule, the summary and the verdict (the default).</summary>
    Normal,

    /// <summary>Also each finding's message, resource and module chain, suppressed findings and every diagnostic (--verbose).</summary>
    Verbose,
}
