using System.Text;

namespace Shipshape.Secrets.Detection;

/// <summary>
/// Translates gitleaks' Go RE2 syntax to .NET: named groups <c>(?P&lt;name&gt;…)</c>, POSIX classes
/// <c>[[:alnum:]]</c>, and <c>\z</c>; the rest of RE2 (which has no backtracking constructs) means the same in .NET.
/// </summary>
public static class RegexTranslator
{
    private static readonly (string Posix, string Net)[] PosixClasses =
    [
        ("[:alnum:]", "a-zA-Z0-9"), ("[:alpha:]", "a-zA-Z"), ("[:digit:]", "0-9"), ("[:lower:]", "a-z"),
        ("[:upper:]", "A-Z"), ("[:space:]", @"\s"), ("[:xdigit:]", "0-9a-fA-F"), ("[:word:]", @"\w"),
        ("[:punct:]", @"!-/:-@\[-`{-~"), ("[:blank:]", @" \t"), ("[:print:]", @" -~"), ("[:graph:]", @"!-~"),
        ("[:cntrl:]", @"\x00-\x1f\x7f"), ("[:ascii:]", @"\x00-\x7f"),
    ];

    public static string Translate(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var text = new StringBuilder(pattern).Replace("(?P<", "(?<");
        foreach (var (posix, net) in PosixClasses)
        {
            text.Replace(posix, net);
        }

        return text.ToString();
    }
}
