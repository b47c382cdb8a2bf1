using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>
/// SHP-NET-051: an internet-facing Kubernetes LoadBalancer Service with no loadBalancerSourceRanges (nor the
/// equivalent annotation), so the load balancer accepts traffic from anywhere. Internal load balancers are
/// skipped.
/// </summary>
public sealed class LoadBalancerWithoutSourceRangesRule : IRule
{
    private const string SourceRangesAnnotation = "service.beta.kubernetes.io/load-balancer-source-ranges";
    private const string AwsInternalAnnotation = "service.beta.kubernetes.io/aws-load-balancer-internal";
    private const string AwsSchemeAnnotation = "service.beta.kubernetes.io/aws-load-balancer-scheme";

    public string Id => "SHP-NET-051";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var service in model.OfType<KubernetesObject>().Where(o => o.Kind == "Service"))
        {
            if (service.Type is not { IsKnown: true } type
                || !string.Equals(type.Current, "LoadBalancer", StringComparison.Ordinal)
                || !service.LoadBalancerSourceRanges.IsEmpty
                || !string.IsNullOrWhiteSpace(service.Annotation(SourceRangesAnnotation))
                || string.Equals(service.Annotation(AwsInternalAnnotation)?.Trim(), "true", StringComparison.OrdinalIgnoreCase)
                || string.Equals(service.Annotation(AwsSchemeAnnotation)?.Trim(), "internal", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            yield return RuleText.Hit(service, type,
                $"Service '{service.Address}' is a LoadBalancer without loadBalancerSourceRanges, so it accepts traffic from any address.");
        }
    }
}
