using Shipshape.Core.Model;
using Shipshape.Iam.Analysis;

namespace Shipshape.Rules.Iam;

/// <summary>SHP-IAM-102: an Allow statement uses NotAction or NotResource, granting everything it does not list.</summary>
public sealed class NotActionAllowRule : IRule
{
    public string Id => "SHP-IAM-102";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (holder, statement) in IamPolicies.AllowStatements(model))
        {
            var element = !statement.NotActions.IsEmpty ? "NotAction" : !statement.NotResources.IsEmpty ? "NotResource" : null;
            if (element is not null)
            {
                yield return IamPolicies.Hit(holder, statement,
                    $"{IamPolicies.DescribeCapitalised(holder.Owner)} allows with {element}: everything not listed is granted, including actions and resources added later.");
            }
        }
    }
}
