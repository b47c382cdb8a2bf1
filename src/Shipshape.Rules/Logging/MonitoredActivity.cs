using System.Collections.Immutable;

namespace Shipshape.Rules.Logging;

/// <summary>
/// Activity that the CIS AWS Foundations Benchmark asks to alarm on, as sample CloudTrail events: a metric filter
/// watches the activity when it matches every sample (by meaning, not by its text).
/// </summary>
internal sealed record MonitoredActivity(string RuleId, string What, ImmutableArray<ImmutableDictionary<string, string>> Events);
