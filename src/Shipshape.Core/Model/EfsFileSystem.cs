namespace Shipshape.Core.Model;

/// <summary>An Amazon EFS file system.</summary>
public sealed record EfsFileSystem : Resource
{
    public required Value<bool> Encrypted { get; init; }
    public required Value<string?> KmsKey { get; init; }
}
