namespace Shipshape.Iam.Tools;

/// <summary>One successful API call from a CloudTrail log: who, which IAM action, and the resource ARN the event names (null: none).</summary>
public sealed record ObservedCall(string Principal, string Action, string? Resource)
{
    /// <summary>For an action that takes the ecs:cluster condition key, the cluster ARN the event ran in (null: not known).</summary>
    public string? Cluster { get; init; }
}
