namespace Shipshape.Core;

/// <summary>The stable identifiers and display titles of the practice areas.</summary>
public static class PracticeNames
{
    public static string ToId(this Practice practice) => practice switch
    {
        Practice.Iam => "iam",
        Practice.Network => "network",
        Practice.Secrets => "secrets",
        Practice.Compliance => "compliance",
        Practice.HostAndContainer => "host-and-container",
        Practice.LoggingAndMonitoring => "logging-and-monitoring",
        Practice.Pipeline => "pipeline",
        _ => throw new ArgumentOutOfRangeException(nameof(practice)),
    };

    public static string ToTitle(this Practice practice) => practice switch
    {
        Practice.Iam => "IAM management",
        Practice.Network => "Network and runtime security",
        Practice.Secrets => "Secrets management",
        Practice.Compliance => "Compliance (PCI DSS, HIPAA)",
        Practice.HostAndContainer => "Host and container security",
        Practice.LoggingAndMonitoring => "Logging and monitoring",
        Practice.Pipeline => "Pipeline and miscellaneous",
        _ => throw new ArgumentOutOfRangeException(nameof(practice)),
    };

    public static bool TryParse(string? id, out Practice practice)
    {
        foreach (var p in All)
        {
            if (string.Equals(p.ToId(), id?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                practice = p;
                return true;
            }
        }

        practice = Practice.Iam;
        return false;
    }

    /// <summary>All practice areas in checklist order.</summary>
    public static IReadOnlyList<Practice> All { get; } =
    [
        Practice.Iam, Practice.Network, Practice.Secrets, Practice.Compliance,
        Practice.HostAndContainer, Practice.LoggingAndMonitoring, Practice.Pipeline,
    ];
}
