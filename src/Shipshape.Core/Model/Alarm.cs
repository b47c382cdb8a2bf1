using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>A CloudWatch alarm on a metric, with the actions it triggers.</summary>
public sealed record Alarm : Resource
{
    public required Value<string?> MetricName { get; init; }
    public required Value<string?> MetricNamespace { get; init; }
    public ImmutableArray<Value<string>> AlarmActions { get; init; } = [];
    /// <summary>Whether the alarm runs its actions when its state changes (CloudWatch PutMetricAlarm ActionsEnabled).</summary>
    public required Value<bool> ActionsEnabled { get; init; }
}
