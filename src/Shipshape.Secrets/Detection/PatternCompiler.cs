using System.Text.RegularExpressions;
using Shipshape.Secrets.Config;

namespace Shipshape.Secrets.Detection;

/// <summary>
/// Compiles patterns from data: RE2 syntax translated, then the backtracking interpreter with a timeout. RE2
/// patterns have no backreferences or lookarounds, so their backtracking is bounded, rules mostly run on single
/// lines (windows), and the timeout stops the rest. .NET's NonBacktracking engine was measured and dropped:
/// building its automata for the counted repetitions secret rules use ({0,50}, {100,1200}) took seconds per
/// scan. RegexOptions.Compiled cost as much CPU as it saved on line windows, and Native AOT ignores it anyway.
/// </summary>
internal static class PatternCompiler
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

    /// <exception cref="SecretConfigException">The pattern is not a valid regex.</exception>
    public static Regex Compile(string pattern, string where)
    {
        try
        {
            return new Regex(RegexTranslator.Translate(pattern), RegexOptions.CultureInvariant, Timeout);
        }
        catch (ArgumentException ex)
        {
            throw new SecretConfigException($"{where}: invalid regex: {ex.Message}", ex);
        }
    }
}
