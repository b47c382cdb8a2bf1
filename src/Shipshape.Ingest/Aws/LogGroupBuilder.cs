using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that decides a CloudWatch Logs log group's defaults, for every format.</summary>
internal static class LogGroupBuilder
{
    public static LogGroup Build(ResourceIdentity id, Value<string?> name, Value<int?> retentionInDays, Value<string?> kmsKey) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        Name = name,
        // CloudWatch Logs: without a retention policy, events never expire (null). The Terraform provider spells
        // "never expire" as 0 (its documented value for it), which the Logs API itself does not accept as a retention.
        RetentionInDays = retentionInDays.Current == 0 ? retentionInDays with { Current = null } : retentionInDays,
        KmsKey = kmsKey,
    };
}
