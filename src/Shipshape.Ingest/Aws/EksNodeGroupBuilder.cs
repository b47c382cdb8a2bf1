using System.Collections.Immutable;
using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that assembles an Amazon EKS managed node group, for every format.</summary>
internal static class EksNodeGroupBuilder
{
    public static EksNodeGroup Build(ResourceIdentity id, Value<string?> sshKey, ImmutableArray<Value<string>> sshSourceSecurityGroups, Value<bool?> remoteAccess) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        SshKey = sshKey,
        SshSourceSecurityGroups = sshSourceSecurityGroups,
        // EKS API RemoteAccessConfig: no remote access unless configured.
        RemoteAccessDeclared = Raw.Declared(remoteAccess),
    };
}
