using System.Text.RegularExpressions;
using Shipshape.Secrets.Config;

namespace Shipshape.Secrets.Detection;

/// <summary>
/// Compiles patterns from data: RE2 syntax translated, then <see cref="RegexOptions.NonBacktracking"/> (linear time,
/// no catastrophic backtracking); a pattern that engine cannot take runs backtracking with a timeout.
/// </summary>
internal static class PatternCompiler
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

    public static Regex Compile(string pattern, string where) => CompileLazily(pattern, where).Value;

    /// <summary>
    /// Checks the syntax now (cheap: the interpreter's parser) and builds the non-backtracking automaton on first
    /// use, which is costly; most rules of a scan never pass the keyword prefilter, so most are never built.
    /// </summary>
    public static Lazy<Regex> CompileLazily(string pattern, string where)
    {
        var translated = RegexTranslator.Translate(pattern);
        var checkedRegex = CompileWithTimeout(translated, where);
        return new Lazy<Regex>(() =>
        {
            try
            {
                return new Regex(translated, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
            }
            catch (NotSupportedException)
            {
                return checkedRegex;
            }
        });
    }

    private static Regex CompileWithTimeout(string translated, string where)
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
