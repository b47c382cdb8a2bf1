using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that assembles a CloudWatch Logs metric filter, for every format.</summary>
internal static class MetricFilterBuilder
{
    public static MetricFilter Build(ResourceIdentity id, Value<string?> logGroup, Value<string?> pattern, Value<string?> metricName, Value<string?> metricNamespace) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        LogGroup = logGroup,
        Pattern = pattern,
        MetricName = metricName,
        MetricNamespace = metricNamespace,
    };
}
