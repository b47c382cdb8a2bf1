using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that assembles an AWS Secrets Manager secret, for every format.</summary>
internal static class SecretBuilder
{
    /// <param name="rotation">Presence of a rotation schedule targeting the secret; Secrets Manager does not rotate otherwise.</param>
    public static SecretsManagerSecret Build(ResourceIdentity id, Value<string?> name, Value<string?> kmsKey, Value<bool?> rotation) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        Name = name,
        KmsKey = kmsKey,
        Rotated = Raw.Declared(rotation),
    };
}
