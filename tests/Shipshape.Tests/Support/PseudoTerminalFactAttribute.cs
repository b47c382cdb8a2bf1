namespace Shipshape.Tests.Support;

/// <summary>
/// A fact that runs the command under a pseudo-terminal with util-linux's <c>script</c>: skipped, with the reason,
/// where <c>script</c> is not installed.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PseudoTerminalFactAttribute : FactAttribute
{
    public const string Script = "/usr/bin/script";

    public PseudoTerminalFactAttribute()
    {
        if (!File.Exists(Script))
        {
            Skip = $"{Script} (util-linux) is not installed, so no pseudo-terminal can be opened";
        }
    }
}
