using Shipshape.Core.Model;

namespace Shipshape.Rules.Iam;

/// <summary>SHP-IAM-120: policies attached directly to IAM users rather than to groups or roles.</summary>
public sealed class PolicyOnUserRule : IRule
{
    public string Id => "SHP-IAM-120";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var policy in model.OfType<IamPolicy>().Where(p => !p.Users.IsEmpty))
        {
            yield return RuleText.Hit(policy, policy.Users[0],
                $"{IamPolicies.DescribeCapitalised(policy)} is attached directly to users; attach it to a group or role so permissions are managed in one place.");
        }

        foreach (var user in model.OfType<IamPrincipal>().Where(p => p.PrincipalType == "User" && (!p.InlinePolicies.IsEmpty || !p.ManagedPolicies.IsEmpty)))
        {
            yield return new RuleHit(user, user.Span, null,
                $"User '{user.Address}' has policies attached directly; give users permissions through groups or roles.");
        }
    }
}
