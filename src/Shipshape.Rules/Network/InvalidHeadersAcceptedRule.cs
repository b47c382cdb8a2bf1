using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>SHP-NET-024: an Application Load Balancer forwards HTTP headers with invalid names instead of dropping them.</summary>
public sealed class InvalidHeadersAcceptedRule : IRule
{
    public string Id => "SHP-NET-024";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var lb in model.OfType<LoadBalancer>().Where(LoadBalancerText.IsApplication))
        {
            if (lb.DropInvalidHeaderFields is { IsKnown: true, Current: false } drop)
            {
                var field = LoadBalancerText.Attribute(lb, "routing.http.drop_invalid_header_fields.enabled", "drop_invalid_header_fields");
                yield return RuleText.Hit(lb, drop, drop.IsDefaulted
                    ? $"Application Load Balancer '{lb.Address}' does not set {field}, so it forwards headers with invalid names (the default is false)."
                    : $"Application Load Balancer '{lb.Address}' sets {field} to false, so it forwards headers with invalid names.");
            }
        }
    }
}
