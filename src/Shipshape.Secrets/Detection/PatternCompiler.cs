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

    public static Regex Compile(string pattern, string where)
    {
        var translated = RegexTranslator.Translate(pattern);
        try
        {
            return new Regex(translated, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (NotSupportedException)
        {
            return CompileWithTimeout(translated, where);
        }
        catch (ArgumentException ex)
        {
            throw new SecretConfigException($"{where}: invalid regex: {ex.Message}", ex);
        }
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
