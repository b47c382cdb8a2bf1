namespace Shipshape.Core.Model;

/// <summary>An Amazon EFS access point: the directory and the POSIX identity it imposes on clients.</summary>
public sealed record EfsAccessPoint : Resource
{
    /// <summary>The directory clients see as the file system's root; "/" (the default) exposes the whole file system.</summary>
    public required Value<string> RootDirectory { get; init; }
    /// <summary>Whether the access point overrides the client's user and group IDs with a POSIX user.</summary>
    public required Value<bool> PosixUserDeclared { get; init; }
}
