using System.Text.RegularExpressions;
using Shipshape.Secrets.Config;

namespace Shipshape.Secrets.Detection;

/// <summary>
/// Compiles patterns from data: RE2 syntax translated, checked at once, and built for matching on first use
/// (most rules never pass the keyword prefilter). Matching is backtracking with a timeout, over single lines
/// (windows) in the common case: RE2 patterns have no backreferences or lookarounds, so their backtracking is
/// bounded, and the timeout stops the rest. .NET's NonBacktracking engine was measured and rejected: building
/// its automata for the counted repetitions secret rules use ({0,50}, {100,1200}) took seconds per scan.
/// </summary>
internal static class PatternCompiler
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

    public static Regex Compile(string pattern, string where) => CompileLazily(pattern, where).Value;

    public static Lazy<Regex> CompileLazily(string pattern, string where)
    {
        var translated = RegexTranslator.Translate(pattern);
        _ = Check(translated, where);

        // Compiled is honoured by the JIT and ignored by Native AOT, where the interpreter runs.
        return new Lazy<Regex>(() => new Regex(translated, RegexOptions.CultureInvariant | RegexOptions.Compiled, Timeout));
    }

    private static Regex Check(string translated, string where)
    {
        try
        {
            return new Regex(translated, RegexOptions.CultureInvariant, Timeout);
        }
        catch (ArgumentException ex)
        {
            throw new SecretConfigException($"{where}: invalid regex: {ex.Message}", ex);
        }
    }
}
