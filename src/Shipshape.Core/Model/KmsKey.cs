namespace Shipshape.Core.Model;

/// <summary>An AWS KMS key.</summary>
public sealed record KmsKey : Resource
{
    /// <summary>SYMMETRIC_DEFAULT (default) or an asymmetric/HMAC spec, for which rotation does not apply.</summary>
    public required Value<string> KeySpec { get; init; }
    public required Value<bool> RotationEnabled { get; init; }
    public PolicyDocument? KeyPolicy { get; init; }
    /// <summary>Whether a key policy is written here; without one KMS applies its default key policy.</summary>
    public required Value<bool> KeyPolicyDeclared { get; init; }
    /// <summary>Whether the key can be used (KMS CreateKey: keys are enabled unless disabled).</summary>
    public required Value<bool> Enabled { get; init; }
}
