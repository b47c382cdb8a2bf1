using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>
/// SHP-NET-033: an internet-facing Application Load Balancer that no AWS WAF web ACL association in the same template
/// or Terraform root module protects. Network and Gateway Load Balancers cannot have a web ACL and are not reported; when
/// an association in the scope names a resource that cannot be resolved, the load balancers there are not judged.
/// </summary>
public sealed class PublicLoadBalancerWithoutWafRule : IRule
{
    public string Id => "SHP-NET-033";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        var associations = model.OfType<WebAclAssociation>().ToList();
        foreach (var lb in model.OfType<LoadBalancer>())
        {
            if (!LoadBalancerText.IsApplication(lb) || lb.Scheme is not { IsKnown: true, Current: "internet-facing" } scheme)
            {
                continue;
            }

            var inScope = associations.Where(a => ModelLinks.SameScope(a, lb)).ToList();
            if (inScope.Any(a => ModelLinks.Links(a.ProtectedResource.Reference, a, lb))
                || inScope.Any(a => a.ProtectedResource.Reference is null && !a.ProtectedResource.IsExplicit))
            {
                continue;
            }

            yield return RuleText.Hit(lb, scheme, scheme.IsDefaulted
                ? $"Application Load Balancer '{lb.Address}' is internet-facing (the default scheme) and no AWS WAF web ACL is associated with it."
                : $"Application Load Balancer '{lb.Address}' is internet-facing and no AWS WAF web ACL is associated with it.");
        }
    }
}
