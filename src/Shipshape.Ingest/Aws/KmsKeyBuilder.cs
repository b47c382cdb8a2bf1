using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that decides an AWS KMS key's defaults, for every format.</summary>
internal static class KmsKeyBuilder
{
    public static KmsKey Build(ResourceIdentity id, Value<string?> keySpec, Value<bool?> rotationEnabled, PolicyDocument? keyPolicy, Value<bool?> keyPolicyDeclared, Value<bool?> enabled) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        // KMS API CreateKey, KeySpec: "Default: SYMMETRIC_DEFAULT".
        KeySpec = Raw.Or(keySpec, "SYMMETRIC_DEFAULT"),
        // KMS API: automatic rotation is off until EnableKeyRotation; AWS::KMS::Key EnableKeyRotation defaults to false.
        RotationEnabled = Raw.Or(rotationEnabled, false),
        KeyPolicy = keyPolicy,
        // CreateKey Policy: "If you do not provide a key policy, AWS KMS attaches a default key policy to the KMS key."
        KeyPolicyDeclared = Raw.Declared(keyPolicyDeclared),
        // AWS::KMS::Key Enabled and the provider's is_enabled both default to true; CreateKey makes an enabled key.
        Enabled = Raw.Or(enabled, true),
    };
}
