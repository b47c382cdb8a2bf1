using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Shipshape.Rules.Logging;

/// <summary>
/// A CloudWatch Logs filter pattern, parsed so that its meaning can be tested against log events: JSON patterns
/// (<c>{ ($.eventName = X) || ($.errorCode = "AccessDenied*") }</c>, with <c>&amp;&amp;</c>, <c>||</c>, parentheses,
/// <c>=</c>, <c>!=</c>, numeric comparisons, <c>IS NULL</c>, <c>NOT EXISTS</c>, <c>IN [...]</c>, wildcards and
/// <c>%regex%</c>) and term patterns (<c>"Failed authentication"</c>, <c>?A ?B</c>, <c>-term</c>). Parsing and
/// evaluation use explicit stacks, so hostile nesting costs memory bounded by the pattern's length, never recursion.
/// </summary>
internal sealed class FilterPattern
{
    private const int MaxLength = 64 * 1024;

    private readonly ImmutableArray<Item> program;
    private readonly ImmutableArray<TextTerm> terms;
    private readonly bool json;

    private FilterPattern(ImmutableArray<Item> program, ImmutableArray<TextTerm> terms, bool json)
    {
        this.program = program;
        this.terms = terms;
        this.json = json;
    }

    /// <summary>The parsed pattern, or null when the text is not a filter pattern Shipshape understands.</summary>
    public static FilterPattern? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length > MaxLength)
        {
            return null;
        }

        if (trimmed.StartsWith('{'))
        {
            return trimmed.EndsWith('}') && ParseJson(trimmed[1..^1]) is { } program ? new FilterPattern(program, [], json: true) : null;
        }

        return ParseTerms(trimmed) is { } terms ? new FilterPattern([], terms, json: false) : null;
    }

    /// <summary>Whether a log event (flattened: "userIdentity.type" → "Root") matches the pattern.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        return json ? Evaluate(logEvent) : MatchesTerms(logEvent);
    }

    private bool Evaluate(IReadOnlyDictionary<string, string> logEvent)
    {
        var stack = new Stack<bool>();
        foreach (var item in program)
        {
            if (item.Term is { } term)
            {
                stack.Push(term.Matches(logEvent));
                continue;
            }

            var right = stack.Pop();
            var left = stack.Pop();
            stack.Push(item.Operator == "&&" ? left && right : left || right);
        }

        return stack.Count == 1 && stack.Pop();
    }

    private bool MatchesTerms(IReadOnlyDictionary<string, string> logEvent)
    {
        // A term pattern matches the raw event text; the flattened values and keys stand in for it.
        var text = string.Join("\n", logEvent.Select(pair => $"\"{pair.Key}\":\"{pair.Value}\""));
        var optional = terms.Where(t => t.Optional).ToList();
        if (optional.Count > 0)
        {
            return optional.Any(t => text.Contains(t.Text, StringComparison.Ordinal));
        }

        return terms.All(t => t.Excluded != text.Contains(t.Text, StringComparison.Ordinal));
    }

    private static ImmutableArray<TextTerm>? ParseTerms(string text)
    {
        var result = ImmutableArray.CreateBuilder<TextTerm>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var optional = text[i] == '?';
            var excluded = text[i] == '-';
            if (optional || excluded)
            {
                i++;
            }

            string term;
            if (i < text.Length && text[i] == '"')
            {
                if (ReadQuoted(text, ref i) is not { } quoted)
                {
                    return null;
                }

                term = quoted;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                term = text[start..i];
            }

            if (term.Length > 0)
            {
                result.Add(new TextTerm(term, optional, excluded));
            }
        }

        return result.Count == 0 ? null : result.ToImmutable();
    }

    /// <summary>Shunting-yard: the expression in postfix order, or null when it does not parse.</summary>
    private static ImmutableArray<Item>? ParseJson(string text)
    {
        var output = ImmutableArray.CreateBuilder<Item>();
        var operators = new Stack<string>();
        var i = 0;
        var expectOperand = true;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            var c = text[i];
            if (expectOperand)
            {
                if (c == '(')
                {
                    operators.Push("(");
                    i++;
                    continue;
                }

                if (c != '$' || Term.Read(text, ref i) is not { } term)
                {
                    return null;
                }

                output.Add(new Item(term, null));
                expectOperand = false;
                continue;
            }

            if (c == ')')
            {
                while (operators.Count > 0 && operators.Peek() != "(")
                {
                    output.Add(new Item(null, operators.Pop()));
                }

                if (operators.Count == 0)
                {
                    return null;
                }

                operators.Pop();
                i++;
                continue;
            }

            var op = Next(text, i, "&&") ? "&&" : Next(text, i, "||") ? "||" : null;
            if (op is null)
            {
                return null;
            }

            // && binds tighter than ||; both associate to the left.
            while (operators.Count > 0 && operators.Peek() != "(" && Precedence(operators.Peek()) >= Precedence(op))
            {
                output.Add(new Item(null, operators.Pop()));
            }

            operators.Push(op);
            i += 2;
            expectOperand = true;
        }

        if (expectOperand)
        {
            return null;
        }

        while (operators.Count > 0)
        {
            var op = operators.Pop();
            if (op == "(")
            {
                return null;
            }

            output.Add(new Item(null, op));
        }

        return output.ToImmutable();
    }

    private static int Precedence(string op) => op == "&&" ? 2 : 1;

    private static bool Next(string text, int i, string token) => string.CompareOrdinal(text, i, token, 0, token.Length) == 0;

    /// <summary>A quoted string starting at text[i] (a double quote), with backslash escapes; i moves past it.</summary>
    private static string? ReadQuoted(string text, ref int i)
    {
        var builder = new StringBuilder();
        for (i++; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                builder.Append(text[++i]);
            }
            else if (text[i] == '"')
            {
                i++;
                return builder.ToString();
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return null;
    }

    private sealed record Item(Term? Term, string? Operator);

    private sealed record TextTerm(string Text, bool Optional, bool Excluded);

    /// <summary>One comparison: selector, operator and the values it compares with.</summary>
    private sealed record Term(string Selector, string Operator, ImmutableArray<string> Values)
    {
        public static Term? Read(string text, ref int i)
        {
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('=' or '!' or '<' or '>' or ')' or '('))
            {
                i++;
            }

            var selector = text[start..i];
            selector = selector.StartsWith("$.", StringComparison.Ordinal) ? selector[2..] : selector[1..];
            SkipSpace(text, ref i);
            foreach (var word in (string[])["IS NULL", "IS TRUE", "IS FALSE", "NOT EXISTS", "EXISTS"])
            {
                if (Word(text, ref i, word))
                {
                    return new Term(selector, word, []);
                }
            }

            var listOperator = Word(text, ref i, "NOT IN") ? "NOT IN" : Word(text, ref i, "IN") ? "IN" : null;
            if (listOperator is not null)
            {
                return ReadList(text, ref i) is { } list ? new Term(selector, listOperator, list) : null;
            }

            string? comparison = null;
            foreach (var candidate in (string[])["!=", "<=", ">=", "=", "<", ">"])
            {
                if (Next(text, i, candidate))
                {
                    comparison = candidate;
                    i += candidate.Length;
                    break;
                }
            }

            if (comparison is null)
            {
                return null;
            }

            SkipSpace(text, ref i);
            return ReadValue(text, ref i) is { } value ? new Term(selector, comparison, [value]) : null;
        }

        public bool Matches(IReadOnlyDictionary<string, string> logEvent)
        {
            var present = logEvent.TryGetValue(Selector, out var actual);
            return Operator switch
            {
                "IS NULL" => !present || actual == "null",
                "NOT EXISTS" => !present,
                "EXISTS" => present,
                "IS TRUE" => present && actual == "true",
                "IS FALSE" => present && actual == "false",
                "=" => present && Equal(actual!, Values[0]),
                // A field the event lacks is not equal to anything; CloudWatch's != then matches nothing, but a
                // filter that means "anything but X" should not be judged on a field the sample event happens not
                // to carry, so the sample events carry every field the CIS patterns test.
                "!=" => !present || !Equal(actual!, Values[0]),
                "IN" => present && Values.Any(v => Equal(actual!, v)),
                "NOT IN" => !present || !Values.Any(v => Equal(actual!, v)),
                _ => present && Compare(actual!, Values[0]),
            };
        }

        private bool Compare(string actual, string expected) =>
            double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            && double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
            && Operator switch { "<" => a < b, ">" => a > b, "<=" => a <= b, _ => a >= b };

        private static bool Equal(string actual, string expected)
        {
            if (expected.Length >= 2 && expected[0] == '%' && expected[^1] == '%')
            {
                try
                {
                    // NonBacktracking matches in time linear in the input, so a pattern from a scanned file needs no timeout
                    // (which would make the result depend on the machine's load).
                    return Regex.IsMatch(actual, expected[1..^1], RegexOptions.NonBacktracking);
                }
                catch (ArgumentException)
                {
                    return false;
                }
            }

            return Wildcard(actual, expected);
        }

        /// <summary>'*' matches any run of characters; everything else compares exactly.</summary>
        private static bool Wildcard(string actual, string pattern)
        {
            var parts = pattern.Split('*');
            if (parts.Length == 1)
            {
                return string.Equals(actual, pattern, StringComparison.Ordinal);
            }

            if (!actual.StartsWith(parts[0], StringComparison.Ordinal) || !actual.EndsWith(parts[^1], StringComparison.Ordinal)
                || actual.Length < parts[0].Length + parts[^1].Length)
            {
                return false;
            }

            var position = parts[0].Length;
            var end = actual.Length - parts[^1].Length;
            for (var k = 1; k < parts.Length - 1; k++)
            {
                var found = actual.IndexOf(parts[k], position, end - position, StringComparison.Ordinal);
                if (found < 0)
                {
                    return false;
                }

                position = found + parts[k].Length;
            }

            return true;
        }

        private static string? ReadValue(string text, ref int i)
        {
            if (i >= text.Length)
            {
                return null;
            }

            if (text[i] == '"')
            {
                return ReadQuoted(text, ref i);
            }

            if (text[i] == '%')
            {
                var close = text.IndexOf('%', i + 1);
                if (close < 0)
                {
                    return null;
                }

                var regex = text[i..(close + 1)];
                i = close + 1;
                return regex;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not (')' or '&' or '|'))
            {
                i++;
            }

            return i > start ? text[start..i] : null;
        }

        private static ImmutableArray<string>? ReadList(string text, ref int i)
        {
            SkipSpace(text, ref i);
            if (i >= text.Length || text[i] != '[')
            {
                return null;
            }

            i++;
            var values = ImmutableArray.CreateBuilder<string>();
            while (true)
            {
                SkipSpace(text, ref i);
                if (i < text.Length && text[i] == ']')
                {
                    i++;
                    return values.ToImmutable();
                }

                var start = i;
                var value = i < text.Length && text[i] == '"' ? ReadQuoted(text, ref i) : ReadBare(text, ref i);
                if (value is null || i == start)
                {
                    return null;
                }

                values.Add(value);
                SkipSpace(text, ref i);
                if (i < text.Length && text[i] == ',')
                {
                    i++;
                }
            }
        }

        private static string? ReadBare(string text, ref int i)
        {
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not (',' or ']'))
            {
                i++;
            }

            return i > start ? text[start..i] : null;
        }

        private static void SkipSpace(string text, ref int i)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
        }

        /// <summary>A keyword phrase (words separated by any spacing) followed by a boundary; i moves past it when found.</summary>
        private static bool Word(string text, ref int i, string phrase)
        {
            var j = i;
            foreach (var word in phrase.Split(' '))
            {
                SkipSpace(text, ref j);
                if (!Next(text, j, word))
                {
                    return false;
                }

                j += word.Length;
            }

            if (j < text.Length && (char.IsLetterOrDigit(text[j]) || text[j] == '_'))
            {
                return false;
            }

            i = j;
            return true;
        }
    }
}
