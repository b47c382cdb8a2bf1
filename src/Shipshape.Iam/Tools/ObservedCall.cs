namespace Shipshape.Iam.Tools;

/// <summary>One successful API call from a CloudTrail log: who, which IAM action, and the resource ARN the event names (null: none).</summary>
public sealed record ObservedCall(string Principal, string Action, string? Resource);
