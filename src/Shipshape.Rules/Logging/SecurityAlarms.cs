using Shipshape.Core.Model;

namespace Shipshape.Rules.Logging;

/// <summary>
/// Finds the CIS "monitoring" chain in a scan: a metric filter whose pattern matches some events, an alarm on the
/// filter's metric, and an alarm action that notifies an SNS topic.
/// </summary>
internal static class SecurityAlarms
{
    /// <summary>True when the chain exists, false when it certainly does not, null when an unresolved value could complete it.</summary>
    public static bool? Exists(ModelSet model, Func<string, bool> patternMatches)
    {
        var unknown = false;
        foreach (var filter in model.OfType<MetricFilter>())
        {
            if (!filter.Pattern.IsKnown || !filter.MetricName.IsKnown)
            {
                unknown = true;
                continue;
            }

            if (filter.Pattern.Current is not { } pattern || !patternMatches(Normalise(pattern)))
            {
                continue;
            }

            foreach (var alarm in model.OfType<Alarm>())
            {
                if (!alarm.MetricName.IsKnown)
                {
                    unknown = true;
                    continue;
                }

                if (!string.Equals(alarm.MetricName.Current, filter.MetricName.Current, StringComparison.Ordinal)
                    || (alarm.MetricNamespace.IsKnown && filter.MetricNamespace.IsKnown
                        && !string.Equals(alarm.MetricNamespace.Current, filter.MetricNamespace.Current, StringComparison.Ordinal)))
                {
                    continue;
                }

                foreach (var action in alarm.AlarmActions)
                {
                    if (ModelLinks.Resolve<SnsTopic>(model, action.Reference, alarm) is not null
                        || (action.IsKnown && action.Current.StartsWith("arn:", StringComparison.Ordinal) && action.Current.Contains(":sns:", StringComparison.Ordinal)))
                    {
                        return true;
                    }

                    unknown |= !action.IsKnown;
                }
            }
        }

        return unknown ? null : false;
    }

    /// <summary>The pattern without white space and double quotes, so that spacing and quoting styles compare equal.</summary>
    public static string Normalise(string pattern) =>
        string.Concat(pattern.Where(c => !char.IsWhiteSpace(c) && c != '"'));

    /// <summary>Hits on every trail in the scan when the chain certainly does not exist; the place is the trail's CloudWatch Logs setting.</summary>
    public static IEnumerable<RuleHit> Missing(ModelSet model, Func<string, bool> patternMatches, string what)
    {
        var trails = model.OfType<Trail>().ToList();
        if (trails.Count == 0 || Exists(model, patternMatches) is not false)
        {
            yield break;
        }

        foreach (var trail in trails)
        {
            yield return RuleText.Hit(trail, trail.CloudWatchLogsGroup,
                $"CloudTrail trail '{trail.Address}' has no metric filter with an alarm and an SNS notification for {what}.");
        }
    }
}
