namespace Shipshape.Iam.Matching;

/// <summary>IAM's glob: '*' matches any run of characters (including none), '?' exactly one; no other specials.</summary>
public static class Wildcard
{
    public static bool HasWildcard(string pattern) => pattern.AsSpan().IndexOfAny('*', '?') >= 0;

    /// <summary>
    /// Whether <paramref name="text"/> matches <paramref name="pattern"/>; iterative with one backtrack point, so user
    /// patterns cannot blow up. Without <paramref name="questionMark"/>, '?' is an ordinary character.
    /// </summary>
    public static bool Matches(string pattern, string text, bool ignoreCase, bool questionMark = true)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(text);
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] != '*' && ((questionMark && pattern[p] == '?') || Same(pattern[p], text[t], ignoreCase)))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static bool Same(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
