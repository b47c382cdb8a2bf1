namespace Shipshape.Secrets.Git;

/// <summary>One pack entry's header: its type, inflated size, where its zlib data starts, and for deltas where the base is.</summary>
internal readonly record struct PackEntry(GitObjectType Type, long Size, long DataAt, long BaseOffset, byte[]? BaseId);
