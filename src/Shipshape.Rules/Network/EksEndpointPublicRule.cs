using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>SHP-NET-029: an EKS cluster's Kubernetes API server endpoint is reachable from the internet (public access on, the EKS default).</summary>
public sealed class EksEndpointPublicRule : IRule
{
    public string Id => "SHP-NET-029";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var cluster in model.OfType<EksCluster>())
        {
            if (cluster.EndpointPublicAccess is { IsKnown: true, Current: true } publicAccess)
            {
                var field = cluster.SourceFormat == "cloudformation" ? "ResourcesVpcConfig.EndpointPublicAccess" : "vpc_config endpoint_public_access";
                yield return RuleText.Hit(cluster, publicAccess, publicAccess.IsDefaulted
                    ? $"EKS cluster '{cluster.Address}' does not set {field} to false, so its API server endpoint is public (the default)."
                    : $"EKS cluster '{cluster.Address}' sets {field} to true, so its API server endpoint is public.");
            }
        }
    }
}
