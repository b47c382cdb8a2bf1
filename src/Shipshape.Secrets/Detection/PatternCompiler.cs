using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Shipshape.Secrets.Config;

namespace Shipshape.Secrets.Detection;

/// <summary>
/// Compiles patterns from data: RE2 syntax translated, then the backtracking interpreter with a timeout. RE2
/// patterns have no backreferences or lookarounds, so their backtracking is bounded, rules mostly run on single
/// lines (windows), and the timeout stops the rest. .NET's NonBacktracking engine was measured and dropped:
/// building its automata for the counted repetitions secret rules use ({0,50}, {100,1200}) took seconds per
/// scan. RegexOptions.Compiled cost as much CPU as it saved on line windows, and Native AOT ignores it anyway; the
/// hottest built-in patterns are source-generated instead (<see cref="GeneratedPatterns"/>).
/// Path patterns are the exception: they are short, run once per file (so the interpreter's start-up cost per call
/// dominated a scan of many small files), and NonBacktracking builds their automata in microseconds.
/// </summary>
internal static class PatternCompiler
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

    /// <summary>A path pattern: NonBacktracking where the pattern allows it (no lookarounds or backreferences), else <see cref="Compile"/>.</summary>
    /// <exception cref="SecretConfigException">The pattern is not a valid regex.</exception>
    public static Regex CompilePath(string pattern, string where)
    {
        var translated = RegexTranslator.Translate(pattern);
        try
        {
            return new Regex(translated, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, Timeout);
        }
        catch (NotSupportedException)
        {
            return Compile(pattern, where);
        }
        catch (ArgumentException)
        {
            return Compile(pattern, where);
        }
    }

    /// <summary>
    /// Path patterns that allow a path when any of them matches: one alternation of them all when every one runs
    /// NonBacktracking (one call per file instead of one per pattern; each call's start-up was most of its cost), else each.
    /// </summary>
    /// <exception cref="SecretConfigException">A pattern is not a valid regex (named alone, not as part of the alternation).</exception>
    public static ImmutableArray<Regex> CompilePaths(IReadOnlyList<string> patterns, string where)
    {
        var each = patterns.Select(p => CompilePath(p, where)).ToImmutableArray();
        if (each.Length < 2 || each.Any(r => !r.Options.HasFlag(RegexOptions.NonBacktracking)))
        {
            return each;
        }

        try
        {
            // An inline option such as (?i) at the start of one pattern reaches the end of its own group only.
            var alternation = string.Join('|', each.Select(r => "(?:" + r + ")"));
            return [new Regex(alternation, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, Timeout)];
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException)
        {
            return each;
        }
    }

    /// <exception cref="SecretConfigException">The pattern is not a valid regex.</exception>
    public static Regex Compile(string pattern, string where)
    {
        try
        {
            var translated = RegexTranslator.Translate(pattern);
            return GeneratedPatterns.For(translated) ?? new Regex(translated, RegexOptions.CultureInvariant, Timeout);
        }
        catch (ArgumentException ex)
        {
            throw new SecretConfigException($"{where}: invalid regex: {ex.Message}", ex);
        }
    }
}
