using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that decides an Amazon EFS access point's defaults, for every format.</summary>
internal static class EfsAccessPointBuilder
{
    public static EfsAccessPoint Build(ResourceIdentity id, Value<string?> rootDirectory, Value<bool?> posixUser) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        // CreateAccessPoint RootDirectory: "If you do not provide this information, Amazon EFS uses '/' as the root directory."
        RootDirectory = Raw.Or(rootDirectory, "/"),
        // Without PosixUser, NFS clients keep their own user and group IDs (root included).
        PosixUserDeclared = Raw.Declared(posixUser),
    };
}
