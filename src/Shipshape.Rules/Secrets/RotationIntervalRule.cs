using System.Globalization;
using Shipshape.Core.Model;

namespace Shipshape.Rules.Secrets;

/// <summary>SHP-SEC-017: a Secrets Manager rotation schedule rotates less often than every 90 days.</summary>
public sealed class RotationIntervalRule : IRule
{
    private const int MaxDays = 90;

    public string Id => "SHP-SEC-017";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var rotation in model.OfType<SecretRotation>())
        {
            if (rotation.AutomaticallyAfterDays is { IsExplicit: true, Current: > MaxDays } days)
            {
                yield return RuleText.Hit(rotation, days,
                    $"Secrets Manager rotation '{rotation.Address}' rotates every {days.Current} days ({RuleText.FieldName(days.Path)}), less often than every {MaxDays} days.");
            }
            else if (rotation.ScheduleExpression is { IsExplicit: true, Current: { } expression } schedule
                && IntervalDays(expression) is { } interval && interval > MaxDays)
            {
                yield return RuleText.Hit(rotation, schedule,
                    $"Secrets Manager rotation '{rotation.Address}' runs on {expression} ({RuleText.FieldName(schedule.Path)}), less often than every {MaxDays} days.");
            }
        }
    }

    /// <summary>
    /// The longest time between rotations, in days, for rate(N days|hours) and for cron(...) by its month field (a month
    /// gap counts as 31 days); null when the expression is not understood.
    /// </summary>
    internal static double? IntervalDays(string expression)
    {
        var text = expression.Trim();
        if (text.StartsWith("rate(", StringComparison.OrdinalIgnoreCase) && text.EndsWith(')'))
        {
            var parts = text[5..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return null;
            }

            return parts[1].ToLowerInvariant() switch
            {
                "day" or "days" => n,
                "hour" or "hours" => n / 24.0,
                _ => null,
            };
        }

        if (text.StartsWith("cron(", StringComparison.OrdinalIgnoreCase) && text.EndsWith(')'))
        {
            var fields = text[5..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Length == 6 && Months(fields[3]) is { Count: > 0 } months ? LongestGap(months) * 31.0 : null;
        }

        return null;
    }

    private static int LongestGap(SortedSet<int> months)
    {
        var list = months.ToList();
        var longest = 12 - list[^1] + list[0];
        for (var i = 1; i < list.Count; i++)
        {
            longest = Math.Max(longest, list[i] - list[i - 1]);
        }

        return longest;
    }

    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    /// <summary>The months a cron month field selects: *, ?, N, NAME, A-B, */S, A-B/S and lists of them; null when not understood.</summary>
    private static SortedSet<int>? Months(string field)
    {
        var months = new SortedSet<int>();
        foreach (var item in field.Split(','))
        {
            var (range, step) = item.Split('/') switch
            {
                [var r] => (r, 1),
                [var r, var s] when int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 => (r, n),
                _ => (string.Empty, 0),
            };
            if (step == 0)
            {
                return null;
            }

            int from, to;
            if (range is "*" or "?")
            {
                (from, to) = (1, 12);
            }
            else if (range.Split('-') is [var a, var b] && Month(a) is { } first && Month(b) is { } last)
            {
                (from, to) = (first, last);
            }
            else if (Month(range) is { } single)
            {
                (from, to) = (single, step > 1 ? 12 : single);
            }
            else
            {
                return null;
            }

            for (var m = from; m <= to; m += step)
            {
                months.Add(m);
            }
        }

        return months;
    }

    private static int? Month(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n is >= 1 and <= 12 ? n : null;
        }

        var index = Array.IndexOf(MonthNames, text.ToUpperInvariant());
        return index < 0 ? null : index + 1;
    }
}
