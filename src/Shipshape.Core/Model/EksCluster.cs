using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>An Amazon EKS cluster: endpoint access, control-plane logging and secrets encryption.</summary>
public sealed record EksCluster : Resource
{
    /// <summary>EKS defaults the public endpoint to enabled.</summary>
    public required Value<bool> EndpointPublicAccess { get; init; }
    public required Value<bool> EndpointPrivateAccess { get; init; }
    /// <summary>CIDRs allowed to reach the public endpoint; EKS defaults to 0.0.0.0/0.</summary>
    public ImmutableArray<Value<string>> PublicAccessCidrs { get; init; } = [];
    public required Value<bool> PublicAccessCidrsDeclared { get; init; }
    /// <summary>Enabled control-plane log types (api, audit, authenticator, controllerManager, scheduler).</summary>
    public ImmutableArray<Value<string>> EnabledLogTypes { get; init; } = [];
    public required Value<bool> LoggingDeclared { get; init; }
    public required Value<bool> SecretsEncrypted { get; init; }

    /// <summary>The Kubernetes version (major.minor); absent means EKS's default, the latest version at creation (no value).</summary>
    public required Value<string?> Version { get; init; }
}
