using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that assembles a Secrets Manager rotation schedule, for every format.</summary>
internal static class SecretRotationBuilder
{
    public static SecretRotation Build(ResourceIdentity id, Value<string?> secret, Value<int?> automaticallyAfterDays, Value<string?> scheduleExpression) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        Secret = secret,
        AutomaticallyAfterDays = automaticallyAfterDays,
        ScheduleExpression = scheduleExpression,
    };
}
