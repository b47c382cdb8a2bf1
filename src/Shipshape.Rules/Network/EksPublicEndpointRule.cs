using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>SHP-NET-018: an EKS cluster's public API endpoint accepts connections from any address.</summary>
public sealed class EksPublicEndpointRule : IRule
{
    public string Id => "SHP-NET-018";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var cluster in model.OfType<EksCluster>())
        {
            if (cluster.EndpointPublicAccess is not { IsKnown: true, Current: true } publicAccess)
            {
                continue;
            }

            if (cluster.PublicAccessCidrs.FirstOrDefault(c => c.IsKnown && Cidr.IsAnywhere(c.Current)) is { } open)
            {
                yield return RuleText.Hit(cluster, open,
                    $"EKS cluster '{cluster.Address}' has a public API endpoint open to {open.Current.Trim()}.");
            }
            else if (cluster.PublicAccessCidrs.IsEmpty && cluster.PublicAccessCidrsDeclared is { IsKnown: true })
            {
                yield return RuleText.Hit(cluster, publicAccess, publicAccess.IsExplicit
                    ? $"EKS cluster '{cluster.Address}' enables its public API endpoint without restricting publicAccessCidrs (the default is 0.0.0.0/0)."
                    : $"EKS cluster '{cluster.Address}' keeps the default public API endpoint, open to 0.0.0.0/0.");
            }
        }
    }
}
