using Shipshape.Core.Model;
using Shipshape.Iam.Analysis;

namespace Shipshape.Rules.Iam;

/// <summary>Reports one kind of <see cref="PolicyValidator"/> issue on every identity and trust policy.</summary>
public abstract class PolicyValidationRule : IRule
{
    public abstract string Id { get; }

    protected abstract PolicyIssueKind IssueKind { get; }

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var holder in IamPolicies.IdentityDocuments(model).Concat(IamPolicies.TrustDocuments(model)))
        {
            foreach (var issue in PolicyValidator.Validate(holder.Document, holder.Kind, context.IamCatalog.Value).Where(i => i.Kind == IssueKind))
            {
                yield return IamPolicies.Hit(holder.Owner, issue.Span, issue.Path, $"{IamPolicies.DescribeCapitalised(holder.Owner)}: {issue.Message}");
            }
        }
    }
}
