namespace Shipshape.Core.Model;

/// <summary>An AWS Secrets Manager secret, with whether any rotation schedule targets it.</summary>
public sealed record SecretsManagerSecret : Resource
{
    public required Value<string?> Name { get; init; }
    public required Value<string?> KmsKey { get; init; }
    /// <summary>Set by the adapter when a rotation schedule (inline or separate resource) targets the secret.</summary>
    public required Value<bool> Rotated { get; init; }
}
