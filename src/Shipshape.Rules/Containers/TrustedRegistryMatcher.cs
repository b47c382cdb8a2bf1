using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// Matches an image against trusted-registry patterns. A pattern is split at '/' and compared with the
/// image's registry and repository components from the left, so it is a prefix at component boundaries:
/// "public.ecr.aws" trusts that host, "ghcr.io/acme" trusts ghcr.io/acme/* but not ghcr.io/acmecorp.
/// '*' matches any run of characters within one component ("*.dkr.ecr.*.amazonaws.com"). Matching is
/// case-insensitive and written without regular expressions, so user patterns cannot backtrack.
/// </summary>
public static class TrustedRegistryMatcher
{
    public static bool IsTrusted(ImageReference image, IEnumerable<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(patterns);
        string[] components = [image.Registry, .. image.Repository.Split('/')];
        return patterns.Any(p => Matches(components, p));
    }

    private static bool Matches(string[] components, string pattern)
    {
        var parts = pattern.Trim().TrimEnd('/').Split('/');
        if (parts.Length == 0 || parts.Length > components.Length || parts[0].Length == 0)
        {
            return false;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (!Glob(parts[i], components[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Wildcard match with '*' only; linear-time greedy algorithm with one backtrack point.</summary>
    internal static bool Glob(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] != '*' && char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(text[t]))
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
}
