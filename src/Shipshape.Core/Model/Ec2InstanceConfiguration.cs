namespace Shipshape.Core.Model;

/// <summary>
/// How EC2 instances start: an instance (AWS::EC2::Instance, aws_instance), a launch template or a launch
/// configuration (the container hosts of ECS capacity providers and EKS node groups): instance metadata options and user data.
/// </summary>
public sealed record Ec2InstanceConfiguration : Resource
{
    /// <summary>MetadataOptions HttpTokens: optional (IMDSv1 allowed, the default) or required (IMDSv2 only).</summary>
    public required Value<string> HttpTokens { get; init; }
    /// <summary>MetadataOptions HttpEndpoint: enabled (default) or disabled.</summary>
    public required Value<string> HttpEndpoint { get; init; }
    /// <summary>MetadataOptions HttpPutResponseHopLimit: 1 by default.</summary>
    public required Value<int?> HopLimit { get; init; }
    /// <summary>The user data as text (decoded when it was given base64-encoded); null when there is none.</summary>
    public required Value<string?> UserData { get; init; }
}
