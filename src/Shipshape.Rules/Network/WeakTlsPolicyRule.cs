using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>
/// SHP-NET-016: an HTTPS or TLS listener's security policy allows TLS 1.0 or 1.1 (also when SslPolicy is left to the API
/// default), or a Classic Load Balancer SSL negotiation policy does.
/// </summary>
public sealed class WeakTlsPolicyRule : IRule
{
    public string Id => "SHP-NET-016";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var listener in model.OfType<Listener>())
        {
            if (TlsPolicies.Undecidable(listener) is { } undecided)
            {
                yield return undecided;
                continue;
            }

            if (TlsPolicies.ForListener(listener) is not ({ AllowsBelowTls12: true } policy, var defaulted))
            {
                continue;
            }

            yield return RuleText.Hit(listener, listener.SslPolicy, defaulted
                ? $"Listener '{listener.Address}' does not set SslPolicy, so it gets {policy.Name}, which allows {policy.Describe()}."
                : $"Listener '{listener.Address}' uses {policy.Name}, which allows {policy.Describe()}.");
        }

        // Classic Load Balancer SSL negotiation policies: standalone (Terraform) and declared with the load balancer (CloudFormation).
        var policies = model.OfType<LoadBalancerPolicy>().Select(p => (Owner: (Resource)p, Policy: p))
            .Concat(model.OfType<ClassicLoadBalancer>().SelectMany(elb => elb.Policies.Select(p => (Owner: (Resource)elb, Policy: p))));
        foreach (var (owner, policy) in policies)
        {
            if (TlsPolicies.BelowTls12(policy) is ({ } description, var at))
            {
                var name = policy.PolicyName is { IsKnown: true, Current: { } n } ? $" '{n}'" : string.Empty;
                yield return RuleText.Hit(owner, at, $"Load balancer policy{name} of '{owner.Address}' offers TLS below 1.2: {description}.", policy.Path);
            }
        }
    }
}
