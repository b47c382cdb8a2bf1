using Shipshape.Core;
using Shipshape.Core.Model;

namespace Shipshape.Rules;

/// <summary>
/// What a rule reports before the engine adds metadata, suppressions and fingerprints.
/// <paramref name="FingerprintKey"/> distinguishes several hits on one property (for secrets: a hash of the value).
/// </summary>
public sealed record RuleHit(Resource Resource, SourceSpan Location, string? PropertyPath, string Message, string? FingerprintKey = null)
{
    /// <summary>
    /// The rule's equivalent IDs that do not describe this hit (a rule for SSH and RDP: CKV_AWS_25, the RDP check, is
    /// not what an SSH hit is), so that another tool's skip of one check does not hide the other.
    /// </summary>
    public IReadOnlySet<string> NotEquivalents { get; init; } = None;

    private static readonly IReadOnlySet<string> None = System.Collections.Frozen.FrozenSet<string>.Empty;

    /// <summary>Another tool's comment the detector itself found on the hit's line (gitleaks:allow): a foreign suppression.</summary>
    public string? AllowedBy { get; init; }

    /// <summary>
    /// The rule could not decide for <see cref="Resource"/>: a value it needs is unresolved (a Terraform variable without
    /// a default, a CloudFormation parameter or function it cannot evaluate), so it neither passes nor fails. Not a
    /// finding: the evaluation records count the resource unresolved for the rule instead of passed. Made with
    /// <see cref="Undecidable"/>.
    /// </summary>
    public bool Undecided { get; init; }

    /// <summary>
    /// The resource fails the rule, but another finding already says so: another rule's (a Role granting "*" on resources
    /// grants Secrets, and SHP-IAM-051 reports the wildcard) or the rule's own on another resource (SHP-NET-050 reports a
    /// namespace once, on its first workload). Not a second finding, but the evaluation records count the resource failed,
    /// naming the rule whose finding covers it, so a compliance view does not call it passed. Made with <see cref="Covered"/>
    /// or set directly.
    /// </summary>
    public string? CoveredBy { get; init; }

    /// <summary>The resource fails the rule at <paramref name="value"/>, which rule <paramref name="coveredBy"/> reports.</summary>
    public static RuleHit Covered<T>(Resource resource, Value<T> value, string coveredBy, string message)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new RuleHit(resource, value.Span, value.Path, message) { CoveredBy = coveredBy };
    }

    /// <summary>The rule cannot decide for <paramref name="resource"/> because <paramref name="value"/> is unresolved; <paramref name="reason"/> says what it would have checked.</summary>
    public static RuleHit Undecidable<T>(Resource resource, Value<T> value, string reason)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new RuleHit(resource, value.Span, value.Path, reason) { Undecided = true };
    }
}
