namespace Shipshape.Core.Model;

/// <summary>What a file in an image's filesystem is, for the rules that look at files by path.</summary>
public enum ImageFileKind
{
    /// <summary>A package manager's download or index cache (apt archives and lists, apk cache, pip cache).</summary>
    PackageCache,

    /// <summary>The sudo binary.</summary>
    Sudo,

    /// <summary>An SSH server (sshd, dropbear).</summary>
    SshServer,
}
