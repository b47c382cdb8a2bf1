namespace Shipshape.Core.Model;

/// <summary>A suppression written on a resource: the rule ID (or "*") and the reason.</summary>
public sealed record ResourceSuppression(string RuleId, string Reason);
