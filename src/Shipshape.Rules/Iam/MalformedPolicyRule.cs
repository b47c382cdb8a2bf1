using Shipshape.Iam.Analysis;

namespace Shipshape.Rules.Iam;

/// <summary>SHP-IAM-111: a policy document breaks the IAM policy grammar.</summary>
public sealed class MalformedPolicyRule : PolicyValidationRule
{
    public override string Id => "SHP-IAM-111";

    protected override PolicyIssueKind IssueKind => PolicyIssueKind.Malformed;
}
