using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>SHP-NET-054: an Amazon ECS service publishes a Service Connect endpoint without TLS.</summary>
public sealed class ServiceConnectWithoutTlsRule : IRule
{
    public string Id => "SHP-NET-054";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var service in model.OfType<EcsService>())
        {
            foreach (var endpoint in service.ServiceConnectServices.Where(e => e.Tls.Current is not true))
            {
                var port = endpoint.PortName is { IsKnown: true, Current: { } name } ? $"'{name}'" : "an endpoint";
                yield return new RuleHit(service, endpoint.Span, endpoint.Path,
                    $"ECS service '{service.Address}' publishes {port} through Service Connect without a TLS configuration, so its clients' traffic to it crosses the network in plain text.");
            }
        }
    }
}
