using Shipshape.Core.Model;

namespace Shipshape.Rules.Logging;

/// <summary>
/// Finds the CIS "monitoring" chain in a scan: for every sample event of an activity, a metric filter whose pattern
/// matches it, an alarm with actions enabled on the filter's metric, and an alarm action that notifies an SNS topic.
/// The samples may be caught by different filters, as long as each one alarms.
/// </summary>
internal static class SecurityAlarms
{
    /// <summary>True when the chain exists, false when it certainly does not, null when an unresolved value could complete it.</summary>
    public static bool? Exists(ModelSet model, MonitoredActivity activity)
    {
        var unknown = false;
        var alarmed = new List<FilterPattern>();
        foreach (var filter in model.OfType<MetricFilter>())
        {
            if (!filter.Pattern.IsKnown || !filter.MetricName.IsKnown)
            {
                unknown = true;
                continue;
            }

            if (filter.Pattern.Current is not { } text)
            {
                continue;
            }

            if (FilterPattern.Parse(text) is not { } pattern)
            {
                // A pattern Shipshape cannot read might watch the activity.
                unknown = true;
                continue;
            }

            if (!activity.Events.Any(pattern.Matches))
            {
                continue;
            }

            switch (Alarmed(model, filter))
            {
                case true:
                    alarmed.Add(pattern);
                    break;
                case null:
                    unknown = true;
                    break;
            }
        }

        if (activity.Events.All(e => alarmed.Any(p => p.Matches(e))))
        {
            return true;
        }

        return unknown ? null : false;
    }

    /// <summary>Whether an alarm with enabled actions watches the filter's metric and notifies an SNS topic.</summary>
    private static bool? Alarmed(ModelSet model, MetricFilter filter)
    {
        var unknown = false;
        foreach (var alarm in model.OfType<Alarm>())
        {
            if (!alarm.MetricName.IsKnown || !alarm.ActionsEnabled.IsKnown)
            {
                unknown = true;
                continue;
            }

            if (!alarm.ActionsEnabled.Current
                || !string.Equals(alarm.MetricName.Current, filter.MetricName.Current, StringComparison.Ordinal)
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

        return unknown ? null : false;
    }

    /// <summary>Hits on every trail in the scan when the chain certainly does not exist; the place is the trail's CloudWatch Logs setting.</summary>
    public static IEnumerable<RuleHit> Missing(ModelSet model, MonitoredActivity activity)
    {
        var trails = model.OfType<Trail>().ToList();
        if (trails.Count == 0 || Exists(model, activity) is not false)
        {
            yield break;
        }

        foreach (var trail in trails)
        {
            yield return RuleText.Hit(trail, trail.CloudWatchLogsGroup,
                $"CloudTrail trail '{trail.Address}' has no metric filter with an alarm and an SNS notification for {activity.What}.");
        }
    }
}
