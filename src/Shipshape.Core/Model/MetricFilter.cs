namespace Shipshape.Core.Model;

/// <summary>A CloudWatch Logs metric filter: the pattern and the metric it feeds.</summary>
public sealed record MetricFilter : Resource
{
    public required Value<string?> LogGroup { get; init; }
    public required Value<string?> Pattern { get; init; }
    public required Value<string?> MetricName { get; init; }
    public required Value<string?> MetricNamespace { get; init; }
}
