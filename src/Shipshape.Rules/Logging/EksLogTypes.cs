using Shipshape.Core.Model;

namespace Shipshape.Rules.Logging;

/// <summary>What the EKS logging rules share: when a cluster's control-plane log types cannot be known.</summary>
internal static class EksLogTypes
{
    /// <summary>
    /// The cluster's logging configuration, or one of its log types, comes from a value not known here (a variable
    /// without a default, a parameter): the rules cannot decide, and say so rather than pass.
    /// </summary>
    public static RuleHit? Undecidable(EksCluster cluster)
    {
        if (!cluster.LoggingDeclared.IsKnown)
        {
            return RuleHit.Undecidable(cluster, cluster.LoggingDeclared, $"EKS cluster '{cluster.Address}' takes its logging configuration from a value that is not known here.");
        }

        return cluster.EnabledLogTypes.FirstOrDefault(t => !t.IsKnown) is { } unknown
            ? RuleHit.Undecidable(cluster, unknown, $"EKS cluster '{cluster.Address}' enables a control-plane log type that is not known here.")
            : null;
    }
}
