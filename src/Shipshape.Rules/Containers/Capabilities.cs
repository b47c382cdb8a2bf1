using System.Collections.Frozen;

namespace Shipshape.Rules.Containers;

/// <summary>Linux capability names as Docker, ECS and Kubernetes spell them: with or without "CAP_", any case.</summary>
internal static class Capabilities
{
    /// <summary>
    /// The capabilities the Kubernetes Pod Security Standards (baseline) allow to be added: Docker's default set.
    /// Adding one of these changes nothing a default container could not already do.
    /// </summary>
    public static readonly FrozenSet<string> DefaultSet = new[]
    {
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE",
        "NET_RAW", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static string Normalise(string name)
    {
        var upper = name.Trim().ToUpperInvariant();
        return upper.StartsWith("CAP_", StringComparison.Ordinal) ? upper[4..] : upper;
    }
}
