using Shipshape.Core.Model;

namespace Shipshape.Rules.Logging;

/// <summary>
/// SHP-LOG-016, SHP-LOG-017, SHP-LOG-040 to SHP-LOG-052: a trail is defined, but no metric filter, alarm and SNS action
/// watch for one kind of activity of the CIS monitoring set (<see cref="MonitoredActivities"/>).
/// </summary>
public sealed class MonitoringAlarmRule : IRule
{
    private readonly MonitoredActivity activity;

    private MonitoringAlarmRule(MonitoredActivity activity) => this.activity = activity;

    public string Id => activity.RuleId;

    /// <summary>One rule per activity of the monitoring set.</summary>
    public static IEnumerable<MonitoringAlarmRule> All() => MonitoredActivities.All.Select(a => new MonitoringAlarmRule(a));

    /// <summary>The rule for one of the IDs above.</summary>
    public static MonitoringAlarmRule For(string id) => new(MonitoredActivities.All.Single(a => a.RuleId == id));

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        return SecurityAlarms.Missing(model, activity);
    }
}
