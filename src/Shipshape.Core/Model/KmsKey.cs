namespace Shipshape.Core.Model;

/// <summary>An AWS KMS key.</summary>
public sealed record KmsKey : Resource
{
    /// <summary>SYMMETRIC_DEFAULT (default) or an asymmetric/HMAC spec, for which rotation does not apply.</summary>
    public required Value<string> KeySpec { get; init; }
    public required Value<bool> RotationEnabled { get; init; }
    public PolicyDocument? KeyPolicy { get; init; }
}
