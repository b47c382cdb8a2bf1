namespace Shipshape.Core.Model;

/// <summary>A CloudWatch Logs destination (cross-account subscription target) with its access policy.</summary>
public sealed record LogDestination : Resource
{
    /// <summary>The access policy saying which accounts may subscribe log groups to the destination; null when none is set here.</summary>
    public PolicyDocument? AccessPolicy { get; init; }
}
