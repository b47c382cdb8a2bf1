namespace Shipshape.Core.Model;

/// <summary>A long-lived IAM access key defined in infrastructure code.</summary>
public sealed record IamAccessKey : Resource
{
    public required Value<string?> User { get; init; }
    /// <summary>Active (default) or Inactive.</summary>
    public required Value<string> Status { get; init; }
}
