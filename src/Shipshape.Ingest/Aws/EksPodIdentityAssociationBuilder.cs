using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that assembles an EKS Pod Identity association, for every format (all four values are required by the API).</summary>
internal static class EksPodIdentityAssociationBuilder
{
    public static EksPodIdentityAssociation Build(
        ResourceIdentity id, Value<string?> clusterName, Value<string?> ns, Value<string?> serviceAccount, Value<string?> roleArn) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        ClusterName = clusterName,
        Namespace = ns,
        ServiceAccount = serviceAccount,
        RoleArn = roleArn,
    };
}
