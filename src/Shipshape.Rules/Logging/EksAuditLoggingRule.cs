using Shipshape.Core.Model;

namespace Shipshape.Rules.Logging;

/// <summary>SHP-LOG-019: an EKS cluster does not send its Kubernetes audit log to CloudWatch Logs.</summary>
public sealed class EksAuditLoggingRule : IRule
{
    public string Id => "SHP-LOG-019";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var cluster in model.OfType<EksCluster>())
        {
            // An audit log type that is known passes, whatever the others are.
            if (cluster.EnabledLogTypes.Any(t => t.IsKnown && string.Equals(t.Current, "audit", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (EksLogTypes.Undecidable(cluster) is { } undecided)
            {
                yield return undecided;
                continue;
            }

            yield return RuleText.Hit(cluster, cluster.LoggingDeclared,
                $"EKS cluster '{cluster.Address}' does not enable the audit control-plane log.");
        }
    }
}
