namespace Shipshape.Core.Model;

/// <summary>A suppression written on a resource: the rule ID (or "*") and the reason.</summary>
/// <param name="Origin">Whose metadata it is: "shipshape", or another tool's ("checkov", "cfn_nag", "guard") matched through equivalents.</param>
public sealed record ResourceSuppression(string RuleId, string Reason, string Origin = "shipshape");
