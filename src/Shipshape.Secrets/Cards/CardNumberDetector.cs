using System.Collections.Frozen;
using System.Collections.Immutable;
using Shipshape.Secrets.Detection;

namespace Shipshape.Secrets.Cards;

/// <summary>
/// Finds Luhn-valid primary account numbers of the known issuers, with their lengths, written as one digit run or
/// in consistent groups separated by spaces or dashes. Numbers inside longer digit runs, identifiers, UUIDs,
/// version strings, decimals and phone numbers are not candidates; nearby words raise or lower confidence.
/// </summary>
public static class CardNumberDetector
{
    /// <summary>The issuers' published test numbers (Stripe, Adyen, PayPal, Braintree documentation).</summary>
    public static FrozenSet<string> TestNumbers { get; } = new[]
    {
        "4111111111111111", "4242424242424242", "4012888888881881", "4222222222222", "4000056655665556",
        "4000000000000002", "4000000000000077", "4005519200000004", "4009348888881881", "4012000033330026",
        "4012000077777777", "4217651111111119", "4500600000000061", "4000000000003220", "4000000000009995",
        "5555555555554444", "5105105105105100", "5200828282828210", "5454545454545454", "2223003122003222",
        "2221000000000009", "2223000048400011", "5425233430109903", "5500000000000004",
        "378282246310005", "371449635398431", "378734493671000", "340000000000009", "370000000000002",
        "6011111111111117", "6011000990139424", "6011000000000004", "6011981111111113",
        "3530111333300000", "3566002020360505", "3566111111111113",
        "30569309025904", "38520000023237", "36227206271667", "36000000000008",
        "6200000000000005", "6250941006528599", "6759649826438453", "6799990100000000019",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] PositiveWords =
        ["card", "credit", "debit", "pan", "visa", "mastercard", "amex", "american express", "discover", "jcb", "diners", "unionpay", "maestro", "payment", "cc_", "ccnum", "cvv", "expiry"];

    private static readonly string[] NegativeWords =
        ["phone", "tel", "fax", "mobile", "isbn", "order", "invoice", "tracking", "serial", "timestamp", "uuid", "account_id", "iban", "imei", "version", "build", "sha", "hash", "id:", "id=", "_id", "\"id\""];

    public static ImmutableArray<CardHit> Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hits = ImmutableArray.CreateBuilder<CardHit>();
        LineIndex? lines = null;
        var span = text.AsSpan();
        var at = 0;
        Span<char> digits = stackalloc char[19];
        while (at < span.Length)
        {
            var start = span[at..].IndexOfAnyInRange('0', '9');
            if (start < 0)
            {
                break;
            }

            start += at;
            var (end, count, ok) = ReadCandidate(span, start, digits);
            at = Math.Max(end, start + 1);
            if (!ok || !Boundary(span, start, end))
            {
                continue;
            }

            var number = new string(digits[..count]);
            if (Issuer(number) is not { } issuer || !Luhn(number))
            {
                continue;
            }

            var confidence = Context(span, start);
            if (confidence is null)
            {
                continue;
            }

            lines ??= new LineIndex(text);
            var allowed = lines.LineAt(start).Contains(SecretEngine.AllowComment, StringComparison.Ordinal);
            var (line, column) = lines.Position(start);
            hits.Add(new CardHit
            {
                AllowedByComment = allowed,
                Issuer = issuer,
                IsTestNumber = TestNumbers.Contains(number),
                Confidence = confidence.Value,
                Masked = Mask(number),
                NumberHash = Redaction.Hash(number),
                Line = line,
                Column = column,
                EndColumn = column + (end - start) - 1,
            });
        }

        return hits.ToImmutable();
    }

    /// <summary>First six and last four digits for numbers of 16 or more; only the last four for shorter ones.</summary>
    public static string Mask(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var shown = number.Length >= 16 ? 6 : 0;
        return string.Concat(number.AsSpan(0, shown), new string('*', number.Length - shown - 4), number.AsSpan(number.Length - 4));
    }

    public static bool Luhn(ReadOnlySpan<char> number)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = number.Length - 1; i >= 0; i--)
        {
            var d = number[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    /// <summary>The issuer whose prefix ranges and lengths the number fits, or null.</summary>
    public static CardIssuer? Issuer(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var n = number.Length;
        int Prefix(int len) => int.Parse(number.AsSpan(0, len), System.Globalization.CultureInfo.InvariantCulture);
        if (number[0] == '4')
        {
            return n is 13 or 16 or 19 ? CardIssuer.Visa : null;
        }

        var p2 = Prefix(2);
        var p4 = Prefix(4);
        var p6 = Prefix(6);
        if (p2 is 34 or 37)
        {
            return n == 15 ? CardIssuer.AmericanExpress : null;
        }

        if ((p2 is >= 51 and <= 55) || (p4 is >= 2221 and <= 2720))
        {
            return n == 16 ? CardIssuer.Mastercard : null;
        }

        if (p4 == 6011 || Prefix(3) is >= 644 and <= 649 || p2 == 65 || p6 is >= 622126 and <= 622925)
        {
            return n is >= 16 and <= 19 ? CardIssuer.Discover : null;
        }

        if (p2 == 62)
        {
            return n is >= 16 and <= 19 ? CardIssuer.UnionPay : null;
        }

        if (p4 is >= 3528 and <= 3589)
        {
            return n is >= 16 and <= 19 ? CardIssuer.Jcb : null;
        }

        if (Prefix(3) is >= 300 and <= 305 || p2 is 36 or 38 or 39)
        {
            return n is >= 14 and <= 19 ? CardIssuer.DinersClub : null;
        }

        if (p4 is 5018 or 5020 or 5038 or 5893 or 6304 or 6759 or 6761 or 6762 or 6763)
        {
            return n is >= 12 and <= 19 ? CardIssuer.Maestro : null;
        }

        return null;
    }

    // Digits, optionally in groups separated by one kind of separator (space or dash) with consistent grouping:
    // 4-4-4-…, 4-6-5 (Amex) or 4-6-4 (Diners).
    private static (int End, int Count, bool Ok) ReadCandidate(ReadOnlySpan<char> span, int start, Span<char> digits)
    {
        var count = 0;
        var i = start;
        char? separator = null;
        Span<int> groups = stackalloc int[8];
        var groupCount = 0;
        var groupLength = 0;
        while (i < span.Length)
        {
            var c = span[i];
            if (char.IsAsciiDigit(c))
            {
                if (count == 19)
                {
                    return (SkipDigits(span, i), 0, false);
                }

                digits[count++] = c;
                groupLength++;
                i++;
                continue;
            }

            if ((c is ' ' or '-') && (separator is null || separator == c) && i + 1 < span.Length && char.IsAsciiDigit(span[i + 1]) && groupCount < 7)
            {
                separator = c;
                groups[groupCount++] = groupLength;
                groupLength = 0;
                i++;
                continue;
            }

            break;
        }

        groups[groupCount++] = groupLength;
        if (count < 12)
        {
            return (i, 0, false);
        }

        if (groupCount == 1)
        {
            return (i, count, true);
        }

        var g = groups[..groupCount];
        var fours = true;
        for (var k = 0; k < g.Length - 1; k++)
        {
            fours &= g[k] == 4;
        }

        var consistent = (fours && g[^1] is >= 1 and <= 4) || (g.Length == 3 && g[0] == 4 && g[1] == 6 && g[2] is 4 or 5);
        return (i, count, consistent);
    }

    private static int SkipDigits(ReadOnlySpan<char> span, int i)
    {
        while (i < span.Length && (char.IsAsciiDigit(span[i]) || span[i] is ' ' or '-'))
        {
            i++;
        }

        return i;
    }

    // Not part of a longer token: no letters, digits, '_', '.', '/', ':' or '+' glued on either side (identifiers,
    // UUIDs, versions, decimals, paths, times, international phone numbers).
    private static bool Boundary(ReadOnlySpan<char> span, int start, int end)
    {
        static bool Glue(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '/' or ':' or '+' or '-' or '#';
        if (start > 0 && Glue(span[start - 1]))
        {
            return false;
        }

        if (end < span.Length && Glue(span[end]) && !(span[end] is '.' or ':' && (end + 1 >= span.Length || !char.IsAsciiLetterOrDigit(span[end + 1]))))
        {
            return false;
        }

        return true;
    }

    private static CardConfidence? Context(ReadOnlySpan<char> span, int start)
    {
        var lineStart = span[..start].LastIndexOf('\n') + 1;
        var from = Math.Max(lineStart, start - 48);
        var before = span[from..start];
        var positive = false;
        foreach (var word in PositiveWords)
        {
            positive |= before.Contains(word, StringComparison.OrdinalIgnoreCase);
        }

        if (positive)
        {
            return CardConfidence.High;
        }

        foreach (var word in NegativeWords)
        {
            if (before.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        return CardConfidence.Medium;
    }
}
