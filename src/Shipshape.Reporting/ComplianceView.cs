using System.Collections.Immutable;
using Shipshape.Core;

namespace Shipshape.Reporting;

/// <summary>
/// A scan report organised by a framework: sections, requirements, the rules mapped to each and what they checked. A
/// requirement fails when a mapped rule failed on a resource, is not run when some mapped rule did not run, is unresolved
/// when one could not be fully checked, passes when they all ran, checked something and nothing failed, and is manual
/// when no rule is mapped to it.
/// </summary>
public sealed record ComplianceView(Framework Framework, ImmutableArray<(FrameworkSection Section, ImmutableArray<RequirementResult> Requirements)> Sections)
{
    public static ComplianceView Build(ScanReport report, ComplianceOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        var checks = report.Checks.ToDictionary(c => c.RuleId, StringComparer.Ordinal);
        return new ComplianceView(options.Framework, [.. options.Framework.Sections.Select(section => (section, section.Requirements.Select(requirement =>
        {
            var rules = options.RulesByRequirement.GetValueOrDefault(requirement.Id, [])
                .Select(id => (id, checks.GetValueOrDefault(id))).ToImmutableArray();
            return new RequirementResult(requirement, Verdict(rules), rules);
        }).ToImmutableArray()))]);
    }

    public IEnumerable<RequirementResult> Requirements => Sections.SelectMany(s => s.Requirements);

    /// <summary>How many requirements have each verdict, in the enum's order, leaving out verdicts none has.</summary>
    public IEnumerable<(ComplianceVerdict Verdict, int Count)> Totals =>
        Enum.GetValues<ComplianceVerdict>().Select(v => (v, Requirements.Count(r => r.Verdict == v))).Where(t => t.Item2 > 0);

    private static ComplianceVerdict Verdict(ImmutableArray<(string RuleId, RuleCheck? Check)> rules)
    {
        if (rules.IsEmpty)
        {
            return ComplianceVerdict.Manual;
        }

        // A requirement passes only when all its rules ran: some passing while others were left out (--rule,
        // --skip-rule, --scanners) says nothing about what the others check.
        var ran = rules.Where(r => r.Check is not null).Select(r => r.Check!.Counts).ToList();
        return ran.Any(c => c.Fail > 0) ? ComplianceVerdict.Fail
            : ran.Count < rules.Length ? ComplianceVerdict.NotRun
            : ran.Any(c => c.Unresolved > 0) ? ComplianceVerdict.Unresolved
            : ran.Any(c => c.Pass > 0) ? ComplianceVerdict.Pass
            : ComplianceVerdict.NotApplicable;
    }
}
