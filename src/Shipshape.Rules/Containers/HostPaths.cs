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
