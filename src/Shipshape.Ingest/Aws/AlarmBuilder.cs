using System.Collections.Immutable;
using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that assembles a CloudWatch metric alarm, for every format.</summary>
internal static class AlarmBuilder
{
    public static Alarm Build(ResourceIdentity id, Value<string?> metricName, Value<string?> metricNamespace, ImmutableArray<Value<string>> alarmActions, Value<bool?> actionsEnabled) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        MetricName = metricName,
        MetricNamespace = metricNamespace,
        AlarmActions = alarmActions,
        // PutMetricAlarm ActionsEnabled: "The default is TRUE" (AWS::CloudWatch::Alarm and the provider's
        // actions_enabled agree).
        ActionsEnabled = Raw.Or(actionsEnabled, true),
    };
}
