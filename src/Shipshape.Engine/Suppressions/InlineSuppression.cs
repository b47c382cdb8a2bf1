using System.Collections.Immutable;

namespace Shipshape.Engine.Suppressions;

/// <summary>
/// A suppression comment found on a line of a scanned file: Shipshape's own ("shipshape:ignore RULE-ID reason") or
/// another tool's (checkov:skip, tfsec/trivy:ignore, kics-scan, hadolint ignore), whose IDs match a rule through
/// the rule's equivalents.
/// </summary>
/// <param name="Origin">Who wrote it: "shipshape", "checkov", "tfsec", "trivy", "kics", "hadolint".</param>
public sealed record InlineSuppression(int Line, IReadOnlySet<string> Rules, string Reason, string Origin = "shipshape")
{
    /// <summary>The last day it applies (tfsec/trivy "exp:"); null: no end.</summary>
    public DateOnly? Expires { get; init; }

    /// <summary>Whether the comment is another tool's (so --no-foreign-suppressions turns it off).</summary>
    public bool IsForeign => Origin != "shipshape";

    public bool Covers(string ruleId, ImmutableArray<string> equivalents = default) =>
        Rules.Contains("*") || Rules.Contains(ruleId) || (!equivalents.IsDefault && equivalents.Any(Rules.Contains));
}
