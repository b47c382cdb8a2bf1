using System.Collections.Immutable;
using Shipshape.Core;

namespace Shipshape.Reporting;

/// <summary>One requirement in a compliance view: its verdict and the records of the rules mapped to it (null: did not run).</summary>
public sealed record RequirementResult(FrameworkRequirement Requirement, ComplianceVerdict Verdict, ImmutableArray<(string RuleId, RuleCheck? Check)> Rules)
{
    /// <summary>All mapped rules' counts together.</summary>
    public CheckCounts Counts => Rules.Aggregate(CheckCounts.Zero, (sum, r) => r.Check is null ? sum : sum.Add(r.Check.Counts));
}
