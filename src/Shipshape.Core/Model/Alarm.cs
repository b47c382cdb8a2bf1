using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>A CloudWatch alarm on a metric, with the actions it triggers.</summary>
public sealed record Alarm : Resource
{
    public required Value<string?> MetricName { get; init; }
    public required Value<string?> MetricNamespace { get; init; }
    public ImmutableArray<Value<string>> AlarmActions { get; init; } = [];
}
