using System.Collections.Immutable;

namespace Shipshape.Core.Model;

/// <summary>An Amazon EKS managed node group: remote (SSH) access settings.</summary>
public sealed record EksNodeGroup : Resource
{
    public required Value<string?> SshKey { get; init; }
    /// <summary>Security groups allowed SSH; when a key is set and none are, EKS opens port 22 to the internet.</summary>
    public ImmutableArray<Value<string>> SshSourceSecurityGroups { get; init; } = [];
    public required Value<bool> RemoteAccessDeclared { get; init; }
}
