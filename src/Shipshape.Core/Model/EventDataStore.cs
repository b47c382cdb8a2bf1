namespace Shipshape.Core.Model;

/// <summary>An AWS CloudTrail Lake event data store.</summary>
public sealed record EventDataStore : Resource
{
    /// <summary>The customer managed KMS key that encrypts the events; null means a key that AWS owns and manages.</summary>
    public required Value<string?> KmsKey { get; init; }
}
