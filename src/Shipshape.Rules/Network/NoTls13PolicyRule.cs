using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>
/// SHP-NET-017: an HTTPS or TLS listener's security policy is limited to TLS 1.2. Policies that also allow older
/// versions are SHP-NET-016's, so a listener gets one finding.
/// </summary>
public sealed class NoTls13PolicyRule : IRule
{
    public string Id => "SHP-NET-017";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var listener in model.OfType<Listener>())
        {
            if (TlsPolicies.Undecidable(listener) is { } undecided)
            {
                yield return undecided;
            }
            else if (TlsPolicies.ForListener(listener) is ({ AllowsBelowTls12: false, OffersTls13: false } policy, _))
            {
                yield return RuleText.Hit(listener, listener.SslPolicy,
                    $"Listener '{listener.Address}' uses {policy.Name}, which does not offer TLS 1.3.");
            }
        }
    }
}
