using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>SHP-NET-016: an HTTPS or TLS listener's security policy allows TLS 1.0 or 1.1 (also when SslPolicy is left to the API default).</summary>
public sealed class WeakTlsPolicyRule : IRule
{
    public string Id => "SHP-NET-016";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var listener in model.OfType<Listener>())
        {
            if (TlsPolicies.ForListener(listener) is not ({ AllowsBelowTls12: true } policy, var defaulted))
            {
                continue;
            }

            yield return RuleText.Hit(listener, listener.SslPolicy, defaulted
                ? $"Listener '{listener.Address}' does not set SslPolicy, so it gets {policy.Name}, which allows {policy.Describe()}."
                : $"Listener '{listener.Address}' uses {policy.Name}, which allows {policy.Describe()}.");
        }
    }
}
