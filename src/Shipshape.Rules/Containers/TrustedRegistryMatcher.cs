using Shipshape.Core.Model;
using Shipshape.Iam.Matching;

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

    /// <summary>Wildcard match with '*' only, case-insensitive: the IAM glob without '?'.</summary>
    internal static bool Glob(string pattern, string text) => Wildcard.Matches(pattern, text, ignoreCase: true, questionMark: false);
}
