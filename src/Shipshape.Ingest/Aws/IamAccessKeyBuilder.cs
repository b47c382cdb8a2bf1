using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that decides an IAM access key's defaults, for every format.</summary>
internal static class IamAccessKeyBuilder
{
    public static IamAccessKey Build(ResourceIdentity id, Value<string?> user, Value<string?> status) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        User = user,
        // IAM API CreateAccessKey: "The status of the access key. Active means that the key is valid for API calls" and a new key is Active.
        Status = Raw.Or(status, "Active"),
    };
}
