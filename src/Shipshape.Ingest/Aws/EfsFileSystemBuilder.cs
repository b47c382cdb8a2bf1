using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that decides an Amazon EFS file system's defaults, for every format.</summary>
internal static class EfsFileSystemBuilder
{
    public static EfsFileSystem Build(ResourceIdentity id, Value<bool?> encrypted, Value<string?> kmsKey) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        // EFS API CreateFileSystem, Encrypted: "A Boolean value that, if true, creates an encrypted file system";
        // omitted means unencrypted (the console encrypts by default, the API and both formats do not).
        Encrypted = Raw.Or(encrypted, false),
        KmsKey = kmsKey,
    };
}
