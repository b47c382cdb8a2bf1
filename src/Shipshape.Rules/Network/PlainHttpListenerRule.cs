using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>SHP-NET-015: a load-balancer listener serves plain HTTP without redirecting to HTTPS.</summary>
public sealed class PlainHttpListenerRule : IRule
{
    public string Id => "SHP-NET-015";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var listener in model.OfType<Listener>())
        {
            if (listener.Protocol is { IsKnown: true } protocol
                && string.Equals(protocol.Current, "HTTP", StringComparison.OrdinalIgnoreCase)
                && listener.RedirectsToHttps is { IsKnown: true, Current: false })
            {
                yield return RuleText.Hit(listener, protocol,
                    $"Listener '{listener.Address}' serves plain HTTP{PortText(listener)} without redirecting to HTTPS.");
            }
        }
    }

    private static string PortText(Listener listener) =>
        listener.Port is { IsKnown: true, Current: { } port } ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" on port {port}") : string.Empty;
}
