using Shipshape.Iam.Analysis;

namespace Shipshape.Rules.Iam;

/// <summary>SHP-IAM-110: a policy names an action that does not exist (a typo grants or denies nothing).</summary>
public sealed class UnknownActionRule : PolicyValidationRule
{
    public override string Id => "SHP-IAM-110";

    protected override PolicyIssueKind IssueKind => PolicyIssueKind.UnknownAction;
}
