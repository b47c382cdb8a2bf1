namespace Shipshape.Ingest.Discovery;

/// <summary>
/// Git's wildmatch with WM_PATHNAME: '*', '?' and classes never match '/', "**" between slashes spans directories.
/// Written without regexes so that patterns from scanned repositories cannot cause catastrophic backtracking:
/// the abort results cut the search the same way git does, keeping it polynomial.
/// </summary>
internal static class WildMatch
{
    private enum Result
    {
        Match,
        NoMatch,
        AbortAll,
        AbortToStarStar,
    }

    public static bool IsMatch(string pattern, string text) => Match(pattern, 0, text, 0) == Result.Match;

    private static Result Match(string p, int pi, string t, int ti)
    {
        for (; pi < p.Length; pi++, ti++)
        {
            var pc = p[pi];
            if (ti >= t.Length && pc != '*')
            {
                return Result.AbortAll;
            }

            var tc = ti < t.Length ? t[ti] : '\0';
            switch (pc)
            {
                case '\\':
                    // A trailing backslash is an invalid pattern; git lets it match nothing.
                    if (++pi >= p.Length || tc != p[pi])
                    {
                        return Result.NoMatch;
                    }

                    continue;
                case '?':
                    if (tc == '/')
                    {
                        return Result.NoMatch;
                    }

                    continue;
                case '*':
                    {
                        var matchSlash = false;
                        if (pi + 1 < p.Length && p[pi + 1] == '*')
                        {
                            var before = pi - 1;
                            while (pi + 1 < p.Length && p[pi + 1] == '*')
                            {
                                pi++;
                            }

                            var next = pi + 1;
                            var endsSegment = next >= p.Length || p[next] == '/' ||
                                (p[next] == '\\' && next + 1 < p.Length && p[next + 1] == '/');
                            if ((before < 0 || p[before] == '/') && endsSegment)
                            {
                                // "**/" may also match no directory at all.
                                if (next < p.Length && p[next] == '/' && Match(p, next + 1, t, ti) == Result.Match)
                                {
                                    return Result.Match;
                                }

                                matchSlash = true;
                            }
                        }

                        pi++;
                        if (pi >= p.Length)
                        {
                            return !matchSlash && t.IndexOf('/', ti) >= 0 ? Result.AbortToStarStar : Result.Match;
                        }

                        if (!matchSlash && p[pi] == '/')
                        {
                            var slash = t.IndexOf('/', ti);
                            if (slash < 0)
                            {
                                return Result.AbortAll;
                            }

                            // The loop increment consumes the '/' in both pattern and text.
                            ti = slash;
                            continue;
                        }

                        for (; ti < t.Length; ti++)
                        {
                            var r = Match(p, pi, t, ti);
                            if (r != Result.NoMatch)
                            {
                                if (!matchSlash || r != Result.AbortToStarStar)
                                {
                                    return r;
                                }
                            }
                            else if (!matchSlash && t[ti] == '/')
                            {
                                return Result.AbortToStarStar;
                            }
                        }

                        return Result.AbortAll;
                    }

                case '[':
                    {
                        var r = MatchClass(p, ref pi, tc);
                        if (r != Result.Match)
                        {
                            return r;
                        }

                        continue;
                    }

                default:
                    if (tc != pc)
                    {
                        return Result.NoMatch;
                    }

                    continue;
            }
        }

        return ti >= t.Length ? Result.Match : Result.NoMatch;
    }

    // On entry p[pi] is '['; on a match pi is left on the closing ']'.
    private static Result MatchClass(string p, ref int pi, char tc)
    {
        if (++pi >= p.Length)
        {
            return Result.AbortAll;
        }

        var pc = p[pi];
        var negated = pc is '!' or '^';
        if (negated)
        {
            if (++pi >= p.Length)
            {
                return Result.AbortAll;
            }

            pc = p[pi];
        }

        var previous = '\0';
        var matched = false;
        do
        {
            if (pc == '\\')
            {
                if (++pi >= p.Length)
                {
                    return Result.AbortAll;
                }

                pc = p[pi];
                matched |= tc == pc;
            }
            else if (pc == '-' && previous != '\0' && pi + 1 < p.Length && p[pi + 1] != ']')
            {
                pc = p[++pi];
                if (pc == '\\')
                {
                    if (++pi >= p.Length)
                    {
                        return Result.AbortAll;
                    }

                    pc = p[pi];
                }

                matched |= tc >= previous && tc <= pc;
                pc = '\0';
            }
            else if (pc == '[' && pi + 1 < p.Length && p[pi + 1] == ':')
            {
                var close = p.IndexOf(']', pi + 2);
                if (close < 0)
                {
                    return Result.AbortAll;
                }

                if (p[close - 1] != ':' || close - 1 < pi + 2)
                {
                    // Not "[:name:]": the '[' is an ordinary member of the set.
                    matched |= tc == '[';
                }
                else
                {
                    var known = TryMatchNamedClass(p.AsSpan(pi + 2, close - 1 - (pi + 2)), tc, out var inClass);
                    if (!known)
                    {
                        return Result.AbortAll;
                    }

                    matched |= inClass;
                    pi = close;
                    pc = '\0';
                }
            }
            else
            {
                matched |= tc == pc;
            }

            previous = pc;
            if (++pi >= p.Length)
            {
                return Result.AbortAll;
            }

            pc = p[pi];
        }
        while (pc != ']');

        return matched == negated || tc == '/' ? Result.NoMatch : Result.Match;
    }

    private static bool TryMatchNamedClass(ReadOnlySpan<char> name, char c, out bool inClass)
    {
        bool? result = name switch
        {
            "alnum" => char.IsAsciiLetterOrDigit(c),
            "alpha" => char.IsAsciiLetter(c),
            "blank" => c is ' ' or '\t',
            "cntrl" => char.IsControl(c),
            "digit" => char.IsAsciiDigit(c),
            "graph" => c > ' ' && c < '\x7f',
            "lower" => char.IsAsciiLetterLower(c),
            "print" => c >= ' ' && c < '\x7f',
            "punct" => c > ' ' && c < '\x7f' && !char.IsAsciiLetterOrDigit(c),
            "space" => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v',
            "upper" => char.IsAsciiLetterUpper(c),
            "xdigit" => char.IsAsciiHexDigit(c),
            _ => null,
        };
        inClass = result ?? false;
        return result.HasValue;
    }
}
