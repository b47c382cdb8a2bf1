namespace Shipshape.Core.Model;

/// <summary>An AWS WAF web ACL associated with a regional resource such as an Application Load Balancer.</summary>
public sealed record WebAclAssociation : Resource
{
    /// <summary>The ARN of the protected resource (ResourceArn, resource_arn); its Reference names the load balancer.</summary>
    public required Value<string?> ProtectedResource { get; init; }
}
