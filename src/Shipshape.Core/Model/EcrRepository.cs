namespace Shipshape.Core.Model;

/// <summary>An Amazon ECR repository: scanning, tag mutability, lifecycle, encryption and its repository policy.</summary>
public sealed record EcrRepository : Resource
{
    /// <summary>The repository name; other resources (lifecycle and repository policies) may name it instead of linking.</summary>
    public Value<string?>? Name { get; init; }
    public required Value<bool> ScanOnPush { get; init; }
    /// <summary>MUTABLE (default) or IMMUTABLE (or IMMUTABLE_WITH_EXCLUSION).</summary>
    public required Value<string> TagMutability { get; init; }
    public required Value<bool> HasLifecyclePolicy { get; init; }
    /// <summary>AES256 (default) or KMS.</summary>
    public required Value<string> EncryptionType { get; init; }
    public PolicyDocument? RepositoryPolicy { get; init; }
}
