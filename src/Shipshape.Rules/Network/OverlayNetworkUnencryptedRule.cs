using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>SHP-NET-055: a compose file defines an overlay network without encryption.</summary>
public sealed class OverlayNetworkUnencryptedRule : IRule
{
    public string Id => "SHP-NET-055";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var network in model.OfType<ComposeNetwork>())
        {
            if (network.Driver is { IsKnown: true, Current: "overlay" } && network.External.Current is not true && network.Encrypted.Current is not true)
            {
                yield return RuleText.Hit(network, network.Driver,
                    $"Overlay network '{network.Address["networks.".Length..]}' does not set driver_opts.encrypted, so the traffic between containers on different nodes crosses the network unencrypted.");
            }
        }
    }
}
