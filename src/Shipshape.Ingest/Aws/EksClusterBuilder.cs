using System.Collections.Immutable;
using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that decides an Amazon EKS cluster's defaults, for every format.</summary>
internal static class EksClusterBuilder
{
    public static EksCluster Build(
        ResourceIdentity id,
        Value<bool?> endpointPublicAccess,
        Value<bool?> endpointPrivateAccess,
        ImmutableArray<Value<string>> publicAccessCidrs,
        Value<bool?> publicAccessCidrsDeclared,
        ImmutableArray<Value<string>> enabledLogTypes,
        Value<bool?> loggingDeclared,
        Value<bool?> secretsEncrypted,
        Value<string?> version) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        // EKS API VpcConfigRequest: endpointPublicAccess "The default value for this parameter is true";
        // endpointPrivateAccess "The default value for this parameter is false"; publicAccessCidrs defaults to 0.0.0.0/0.
        EndpointPublicAccess = Raw.Or(endpointPublicAccess, true),
        EndpointPrivateAccess = Raw.Or(endpointPrivateAccess, false),
        PublicAccessCidrs = publicAccessCidrs,
        PublicAccessCidrsDeclared = Raw.Declared(publicAccessCidrsDeclared),
        // EKS API CreateCluster, logging: control-plane logs are disabled by default.
        EnabledLogTypes = enabledLogTypes,
        LoggingDeclared = Raw.Declared(loggingDeclared),
        // EKS API CreateCluster, encryptionConfig: without it, Kubernetes secrets get no envelope encryption.
        SecretsEncrypted = Raw.Declared(secretsEncrypted),
        // EKS API CreateCluster, version: "If you don't specify a value here, the default version available in Amazon EKS
        // is used", the current default at creation, so an absent version stays without a value.
        Version = version,
    };
}
