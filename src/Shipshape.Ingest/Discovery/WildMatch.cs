namespace Shipshape.Ingest.Discovery;

/// <summary>
/// Git's wildmatch with WM_PATHNAME: '*', '?' and classes never match '/', "**" between slashes spans directories.
/// Written without regexes and without backtracking: the pattern becomes a list of tokens and the text is run
/// through them as a set of states (an NFA), so the time is at most pattern length × path length and nothing
/// recurses, whatever a scanned repository's .gitignore holds ("**/**/**/…" patterns are exponential for a
/// backtracking matcher).
/// </summary>
internal static class WildMatch
{
    private enum Result
    {
        Match,
        NoMatch,
        AbortAll,
    }

    private enum Kind
    {
        Literal,
        AnyChar,
        Class,
        Star,
        StarStar,
    }

    /// <param name="SkipSlash">For "**/": the '/' after it may be skipped too, so that it matches no directory at all.</param>
    private readonly record struct Token(Kind Kind, char Char, int ClassStart, bool SkipSlash);

    public static bool IsMatch(string pattern, string text)
    {
        var tokens = Compile(pattern);
        if (tokens is null)
        {
            return false;
        }

        // A state is "entered" when the token before it was just passed (or by an epsilon move), and "staying"
        // when a star consumed a character and stays where it is; "**/" may skip its '/' only when entered.
        var n = tokens.Length;
        var entered = new bool[n + 1];
        var staying = new bool[n + 1];
        var nextEntered = new bool[n + 1];
        var nextStaying = new bool[n + 1];
        entered[0] = true;
        Close(tokens, entered, staying);
        foreach (var c in text)
        {
            Array.Clear(nextEntered);
            Array.Clear(nextStaying);
            var any = false;
            for (var s = 0; s < n; s++)
            {
                if (!entered[s] && !staying[s])
                {
                    continue;
                }

                var token = tokens[s];
                switch (token.Kind)
                {
                    case Kind.Literal when c == token.Char:
                    case Kind.AnyChar when c != '/':
                    case Kind.Class when ClassMatches(pattern, token.ClassStart, c):
                        nextEntered[s + 1] = any = true;
                        break;
                    case Kind.Star when c != '/':
                    case Kind.StarStar:
                        nextStaying[s] = any = true;
                        break;
                }
            }

            if (!any)
            {
                return false;
            }

            Close(tokens, nextEntered, nextStaying);
            (entered, nextEntered) = (nextEntered, entered);
            (staying, nextStaying) = (nextStaying, staying);
        }

        return entered[n] || staying[n];
    }

    // Epsilon moves only go forward, so one pass in order reaches every state.
    private static void Close(Token[] tokens, bool[] entered, bool[] staying)
    {
        for (var s = 0; s < tokens.Length; s++)
        {
            if ((!entered[s] && !staying[s]) || tokens[s].Kind is not (Kind.Star or Kind.StarStar))
            {
                continue;
            }

            entered[s + 1] = true;
            if (tokens[s].SkipSlash && entered[s])
            {
                entered[s + 2] = true;
            }
        }
    }

    private static bool ClassMatches(string pattern, int start, char c) => MatchClass(pattern, ref start, c) == Result.Match;

    /// <summary>The pattern's tokens, or null when it is malformed and, as in git, matches nothing.</summary>
    private static Token[]? Compile(string p)
    {
        var tokens = new List<Token>();
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            switch (c)
            {
                case '\\':
                    // A trailing backslash is an invalid pattern; git lets it match nothing.
                    if (++i >= p.Length)
                    {
                        return null;
                    }

                    tokens.Add(new Token(Kind.Literal, p[i], 0, false));
                    break;
                case '?':
                    tokens.Add(new Token(Kind.AnyChar, '\0', 0, false));
                    break;
                case '[':
                {
                    var end = i;
                    if (MatchClass(p, ref end, 'a') == Result.AbortAll)
                    {
                        return null;
                    }

                    tokens.Add(new Token(Kind.Class, '\0', i, false));
                    i = end;
                    break;
                }

                case '*':
                {
                    var before = i - 1;
                    var last = i;
                    while (last + 1 < p.Length && p[last + 1] == '*')
                    {
                        last++;
                    }

                    var next = last + 1;
                    var endsSegment = next >= p.Length || p[next] == '/' || (p[next] == '\\' && next + 1 < p.Length && p[next + 1] == '/');
                    var starStar = last > i && (before < 0 || p[before] == '/') && endsSegment;
                    tokens.Add(new Token(starStar ? Kind.StarStar : Kind.Star, '\0', 0, starStar && next < p.Length && p[next] == '/'));
                    i = last;
                    break;
                }

                default:
                    tokens.Add(new Token(Kind.Literal, c, 0, false));
                    break;
            }
        }

        return [.. tokens];
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
