namespace Shipshape.Secrets.Git;

/// <summary>An object's type and uncompressed content.</summary>
public sealed record GitObject(GitObjectType Type, byte[] Data);
