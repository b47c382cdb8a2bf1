namespace Shipshape.Core.Model;

/// <summary>
/// An EKS Pod Identity association: pods of the service account <see cref="ServiceAccount"/> in
/// <see cref="Namespace"/> of the cluster get the credentials of <see cref="RoleArn"/>.
/// </summary>
public sealed record EksPodIdentityAssociation : Resource
{
    public required Value<string?> ClusterName { get; init; }
    public required Value<string?> Namespace { get; init; }
    public required Value<string?> ServiceAccount { get; init; }
    public required Value<string?> RoleArn { get; init; }
}
