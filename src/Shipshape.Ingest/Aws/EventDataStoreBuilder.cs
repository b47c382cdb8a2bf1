using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that decides a CloudTrail Lake event data store's defaults, for every format.</summary>
internal static class EventDataStoreBuilder
{
    public static EventDataStore Build(ResourceIdentity id, Value<string?> kmsKey) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        // CreateEventDataStore KmsKeyId: without it (or with an empty string) the events are encrypted with a key
        // that AWS owns and manages, which the account can neither audit nor revoke.
        KmsKey = kmsKey.IsExplicit && string.IsNullOrEmpty(kmsKey.Current) ? kmsKey with { Current = null } : kmsKey,
    };
}
