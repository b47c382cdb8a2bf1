using System.Buffers;
using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>
/// One simple command of a RUN line: its leading variable assignments, the program (base name, after
/// sudo, env, command, exec, nohup and time are looked through) and its arguments with quotes removed.
/// </summary>
public sealed record ShellCommand(ImmutableArray<string> Assignments, string Program, ImmutableArray<string> Arguments, bool ViaSudo)
{
    private static readonly SearchValues<char> Letters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    /// <summary>Whether an argument equals one of the options, or starts with "option=".</summary>
    public bool HasOption(params string[] options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Arguments.Any(a => options.Any(o =>
            string.Equals(a, o, StringComparison.Ordinal) || a.StartsWith(o + "=", StringComparison.Ordinal)));
    }

    /// <summary>Whether a short option letter is given, alone ("-k") or combined ("-Lkv").</summary>
    public bool HasShortOption(char letter) =>
        Arguments.Any(a => a.Length > 1 && a[0] == '-' && a[1] != '-' && !a.AsSpan(1).ContainsAnyExcept(Letters) && a.Contains(letter, StringComparison.Ordinal));
}
