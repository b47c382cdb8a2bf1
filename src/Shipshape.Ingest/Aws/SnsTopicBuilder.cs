using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that assembles an Amazon SNS topic, for every format.</summary>
internal static class SnsTopicBuilder
{
    /// <param name="kmsKey">Absent means no server-side encryption (SNS API CreateTopic, KmsMasterKeyId).</param>
    public static SnsTopic Build(ResourceIdentity id, Value<string?> kmsKey) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        KmsKey = kmsKey,
    };
}
