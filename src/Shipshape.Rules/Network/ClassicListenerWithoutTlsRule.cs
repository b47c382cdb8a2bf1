using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>SHP-NET-027: a Classic Load Balancer listener accepts clients over plain HTTP or TCP.</summary>
public sealed class ClassicListenerWithoutTlsRule : IRule
{
    public string Id => "SHP-NET-027";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var elb in model.OfType<ClassicLoadBalancer>())
        {
            foreach (var listener in elb.Listeners)
            {
                if (listener.Protocol is { IsKnown: true, Current: "HTTP" or "TCP" } protocol)
                {
                    var port = listener.Port is { IsKnown: true, Current: { } p } ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" on port {p}") : string.Empty;
                    yield return RuleText.Hit(elb, protocol,
                        $"Classic Load Balancer '{elb.Address}' has a listener{port} that accepts plain {protocol.Current} instead of HTTPS or SSL.", listener.Path);
                }
            }
        }
    }
}
