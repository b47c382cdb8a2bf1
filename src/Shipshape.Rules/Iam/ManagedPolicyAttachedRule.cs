using Shipshape.Core.Model;

namespace Shipshape.Rules.Iam;

/// <summary>
/// An AWS managed policy (by name) is attached to a role, user, group or permission set: in the principal's managed
/// policy list or through an attachment resource. The finding sits on the ARN.
/// </summary>
public abstract class ManagedPolicyAttachedRule : IRule
{
    public abstract string Id { get; }

    /// <summary>The policy's name in arn:aws:iam::aws:policy/NAME.</summary>
    protected abstract string PolicyName { get; }

    /// <summary>"full administrator access", completing "… which grants …".</summary>
    protected abstract string Grants { get; }

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var resource in model.Resources)
        {
            var arns = resource switch
            {
                // A Terraform role attachment is folded into the role's list and is a resource of its own as well: the
                // finding belongs to the attachment (its value keeps the attachment's policy_arn path).
                IamRole role => role.ManagedPolicies.Where(a => a.Path != "policy_arn").Select(a => (Value<string?>)Nullable(a)),
                IamPrincipal principal => principal.ManagedPolicies.Select(a => (Value<string?>)Nullable(a)),
                IamPolicy { PolicyArn: { } arn } => [arn],
                _ => [],
            };
            foreach (var arn in arns)
            {
                if (Matches(arn))
                {
                    var who = resource is IamPolicy ? $"Attachment '{resource.Address}'" : IamPolicies.DescribeCapitalised(resource);
                    yield return RuleText.Hit(resource, arn,
                        $"{who} attaches the AWS managed policy {PolicyName}, which grants {Grants}.");
                }
            }
        }
    }

    private bool Matches(Value<string?> arn) =>
        arn.IsKnown && arn.Current is { } text && text.StartsWith("arn:aws", StringComparison.Ordinal)
        && text.EndsWith(":iam::aws:policy/" + PolicyName, StringComparison.Ordinal);

    private static Value<string?> Nullable(Value<string> value) =>
        new(value.Current, value.Origin, value.Span, value.Path) { Reference = value.Reference, ReferenceAttribute = value.ReferenceAttribute };
}
