using System.Collections.Frozen;

namespace Shipshape.Rules.Containers;

/// <summary>Host paths that hand over the node: container runtime sockets and the directories that hold them.</summary>
internal static class HostPaths
{
    private static readonly FrozenSet<string> RuntimeSockets = new[]
    {
        "/var/run/docker.sock", "/run/docker.sock", "/var/run/docker", "/run/docker",
        "/var/run/containerd/containerd.sock", "/run/containerd/containerd.sock", "/var/run/containerd", "/run/containerd",
        "/var/run/crio/crio.sock", "/run/crio/crio.sock", "/var/run/crio", "/run/crio",
        "/var/run/cri-dockerd.sock", "/run/cri-dockerd.sock",
        "/run/podman/podman.sock", "/var/run/podman/podman.sock",
        "/var/run", "/run", "/",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Host directories whose mount hands a container the node's configuration, kernel interfaces, devices, boot
    /// files, binaries or the runtime's and kubelet's state (CIS Docker Benchmark 5.5, "Ensure sensitive host system
    /// directories are not mounted on containers": /, /boot, /dev, /etc, /lib, /proc, /sys, /usr; and the state
    /// directories of Docker, containerd, CRI-O and the kubelet). A mount of one of them or of anything inside is sensitive.
    /// </summary>
    private static readonly string[] SensitiveTrees =
    [
        "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/proc", "/sys", "/usr", "/bin", "/sbin", "/root",
        "/var/lib/docker", "/var/lib/containerd", "/var/lib/containers", "/var/lib/kubelet", "/var/lib/etcd", "/var/run/secrets",
        "/run/secrets",
    ];

    /// <summary>Files inside the sensitive trees that containers commonly mount read-only for the time zone or CA bundle.</summary>
    private static readonly FrozenSet<string> HarmlessReadOnly = new[]
    {
        "/etc/localtime", "/etc/timezone", "/usr/share/zoneinfo", "/etc/ssl/certs", "/etc/pki/ca-trust/extracted", "/etc/pki/tls/certs",
        "/etc/ca-certificates", "/usr/share/ca-certificates", "/etc/machine-id", "/etc/hostname",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The normalised host path (no trailing slash, no "/./"), or null when it is not an absolute path.</summary>
    public static string? Normalise(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var text = path.Trim().Replace("/./", "/", StringComparison.Ordinal);
        while (text.Contains("//", StringComparison.Ordinal))
        {
            text = text.Replace("//", "/", StringComparison.Ordinal);
        }

        while (text.Length > 1 && text.EndsWith('/'))
        {
            text = text[..^1];
        }

        return text.StartsWith('/') ? text : null;
    }

    /// <summary>
    /// Whether mounting the host path exposes the node: the root, one of the sensitive trees or a path inside,
    /// except the time-zone and CA files containers read. Runtime sockets are sensitive too (SHP-CTR-011 reports them).
    /// </summary>
    public static bool IsSensitive(string? path)
    {
        if (Normalise(path) is not { } normalised)
        {
            return false;
        }

        if (normalised == "/" || IsRuntimeSocket(normalised))
        {
            return true;
        }

        if (HarmlessReadOnly.Any(h => normalised == h || normalised.StartsWith(h + "/", StringComparison.Ordinal)))
        {
            return false;
        }

        return SensitiveTrees.Any(t => normalised == t || normalised.StartsWith(t + "/", StringComparison.Ordinal));
    }

    /// <summary>Whether the path is, or contains, a container runtime socket.</summary>
    public static bool IsRuntimeSocket(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return false;
        }

        var normalised = path.Trim();
        while (normalised.Length > 1 && normalised.EndsWith('/'))
        {
            normalised = normalised[..^1];
        }

        return RuntimeSockets.Contains(normalised);
    }
}
