using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>
/// SHP-NET-028: a Classic Load Balancer listener terminates HTTPS or SSL and sends the traffic on to the instances
/// (container hosts) over plain HTTP or TCP. Listeners that are plain on the front end are SHP-NET-027's.
/// </summary>
public sealed class ClassicBackendWithoutTlsRule : IRule
{
    public string Id => "SHP-NET-028";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var elb in model.OfType<ClassicLoadBalancer>())
        {
            foreach (var listener in elb.Listeners)
            {
                if (listener.Protocol is { IsKnown: true, Current: "HTTPS" or "SSL" } front
                    && listener.InstanceProtocol is { IsKnown: true, Current: "HTTP" or "TCP" } back)
                {
                    var field = elb.SourceFormat == "cloudformation" ? "InstanceProtocol" : "instance_protocol";
                    yield return RuleText.Hit(elb, back,
                        $"Classic Load Balancer '{elb.Address}' accepts {front.Current} but sends it to the instances over plain {back.Current} ({field}).", listener.Path);
                }
            }
        }
    }
}
