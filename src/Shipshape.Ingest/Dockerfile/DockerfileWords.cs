using System.Collections.Immutable;
using System.Text;

namespace Shipshape.Ingest.Dockerfile;

/// <summary>
/// The word rules Docker applies to ENV, ARG, LABEL, USER, EXPOSE and FROM arguments: whitespace splits,
/// quotes group and are removed, the escape character escapes; and environment replacement
/// (<c>$VAR</c>, <c>${VAR}</c>, <c>${VAR:-default}</c>, <c>${VAR:+alternative}</c>).
/// </summary>
public static class DockerfileWords
{
    public static ImmutableArray<string> Split(string text, char escape = '\\')
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = ImmutableArray.CreateBuilder<string>();
        var current = new StringBuilder();
        var inWord = false;
        char quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else if (c == escape && quote == '"' && i + 1 < text.Length)
                {
                    current.Append(text[++i]);
                }
                else
                {
                    current.Append(c);
                }

                continue;
            }

            if (c is ' ' or '\t' or '\n' or '\r')
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }

                continue;
            }

            inWord = true;
            if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == escape && i + 1 < text.Length)
            {
                current.Append(text[++i]);
            }
            else
            {
                current.Append(c);
            }
        }

        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words.ToImmutable();
    }

    /// <summary>
    /// The longest value a substitution may produce. <c>ARG A=$A$A</c> repeated doubles a value each line, so forty
    /// lines would ask for a terabyte; a longer result is left unexpanded and counts as unresolved.
    /// </summary>
    public const int MaxExpandedLength = 64 * 1024;

    /// <summary>
    /// Replaces variables from <paramref name="lookup"/> (null: not declared or without a value);
    /// <paramref name="unresolved"/> tells whether a variable without a value and without a default was met, or the
    /// result would be longer than <see cref="MaxExpandedLength"/> (then the text comes back unexpanded).
    /// </summary>
    public static string Substitute(string text, Func<string, string?> lookup, out bool unresolved, char escape = '\\')
    {
        var result = SubstituteUnbounded(text, lookup, out unresolved, escape);
        if (result is null)
        {
            unresolved = true;
            return text;
        }

        return result;
    }

    private static string? SubstituteUnbounded(string text, Func<string, string?> lookup, out bool unresolved, char escape)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(lookup);
        unresolved = false;
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (result.Length > MaxExpandedLength)
            {
                return null;
            }

            var c = text[i];
            if (c == escape && i + 1 < text.Length && text[i + 1] == '$')
            {
                result.Append('$');
                i++;
                continue;
            }

            if (c != '$' || i + 1 >= text.Length)
            {
                result.Append(c);
                continue;
            }

            if (text[i + 1] == '{')
            {
                var close = text.IndexOf('}', i + 2);
                if (close < 0)
                {
                    result.Append(text[i..]);
                    unresolved = true;
                    break;
                }

                var inner = text[(i + 2)..close];
                i = close;
                var op = inner.IndexOfAny([':', '-', '+']);
                var name = op < 0 ? inner : inner[..op];
                var value = lookup(name);
                if (op < 0)
                {
                    unresolved |= value is null;
                    result.Append(value);
                    continue;
                }

                var colon = inner[op] == ':';
                var kind = colon && op + 1 < inner.Length ? inner[op + 1] : inner[op];
                var word = inner[Math.Min(inner.Length, op + (colon ? 2 : 1))..];
                var empty = colon ? string.IsNullOrEmpty(value) : value is null;
                switch (kind)
                {
                    case '-':
                        result.Append(empty ? word : value);
                        break;
                    case '+':
                        result.Append(empty ? string.Empty : word);
                        break;
                    default:
                        unresolved |= value is null;
                        result.Append(value);
                        break;
                }

                continue;
            }

            var start = i + 1;
            var end = start;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }

            if (end == start)
            {
                result.Append(c);
                continue;
            }

            var plain = lookup(text[start..end]);
            unresolved |= plain is null;
            result.Append(plain);
            i = end - 1;
        }

        return result.Length > MaxExpandedLength ? null : result.ToString();
    }
}
