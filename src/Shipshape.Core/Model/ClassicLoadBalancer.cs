using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>A Classic Load Balancer (AWS::ElasticLoadBalancing::LoadBalancer, aws_elb) with its listeners and inline policies.</summary>
public sealed record ClassicLoadBalancer : Resource
{
    public ImmutableArray<ClassicListener> Listeners { get; init; } = [];
    /// <summary>Policies declared with the load balancer (CloudFormation Policies); Terraform declares them as LoadBalancerPolicy resources.</summary>
    public ImmutableArray<LoadBalancerPolicy> Policies { get; init; } = [];
    /// <summary>internet-facing (default) or internal.</summary>
    public required Value<string> Scheme { get; init; }
    /// <summary>Whether access logs are delivered to S3; false by default.</summary>
    public required Value<bool> AccessLogs { get; init; }
    /// <summary>monitor, defensive (default) or strictest.</summary>
    public required Value<string> DesyncMitigationMode { get; init; }
    public ImmutableArray<Value<string>> SecurityGroups { get; init; } = [];

    /// <summary>CrossZoneLoadBalancing.Enabled; false by default in the ELB API and CloudFormation (Terraform's provider sends true).</summary>
    public required Value<bool> CrossZone { get; init; }
}
