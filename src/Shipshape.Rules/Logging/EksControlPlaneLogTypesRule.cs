using Shipshape.Core.Model;

namespace Shipshape.Rules.Logging;

/// <summary>SHP-LOG-032: an EKS cluster does not enable every control-plane log type (api, audit, authenticator, controllerManager, scheduler).</summary>
public sealed class EksControlPlaneLogTypesRule : IRule
{
    /// <summary>Amazon EKS User Guide, "Send control plane logs to CloudWatch Logs": the available log types.</summary>
    private static readonly string[] LogTypes = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

    public string Id => "SHP-LOG-032";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var cluster in model.OfType<EksCluster>())
        {
            if (EksLogTypes.Undecidable(cluster) is { } undecided)
            {
                yield return undecided;
                continue;
            }

            var missing = LogTypes.Where(type => !cluster.EnabledLogTypes.Any(t => string.Equals(t.Current.Trim(), type, StringComparison.OrdinalIgnoreCase))).ToList();
            if (missing.Count > 0)
            {
                var field = cluster.SourceFormat == "cloudformation" ? "Logging.ClusterLogging.EnabledTypes" : "enabled_cluster_log_types";
                yield return RuleText.Hit(cluster, cluster.LoggingDeclared,
                    $"EKS cluster '{cluster.Address}' does not enable the {string.Join(", ", missing)} control-plane log{(missing.Count > 1 ? "s" : string.Empty)} ({field}).");
            }
        }
    }
}
