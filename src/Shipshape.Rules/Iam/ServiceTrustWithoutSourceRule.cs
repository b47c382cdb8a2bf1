using System.Collections.Immutable;
using Shipshape.Core.Model;
using Shipshape.Iam.Analysis;

namespace Shipshape.Rules.Iam;

/// <summary>
/// SHP-IAM-114: a trust policy lets a service principal that acts for many customers assume the role with no
/// aws:SourceAccount, aws:SourceArn or aws:SourceOrgID condition (the confused deputy).
/// </summary>
public sealed class ServiceTrustWithoutSourceRule : IRule
{
    private static readonly ImmutableArray<string> SourceKeys = ["aws:SourceAccount", "aws:SourceArn", "aws:SourceOrgID", "aws:SourceOrgPaths"];

    /// <summary>Services whose role assumption AWS documents with the source condition keys.</summary>
    private static readonly ImmutableHashSet<string> Services = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase,
        "ecs-tasks.amazonaws.com", "events.amazonaws.com", "scheduler.amazonaws.com", "states.amazonaws.com", "sns.amazonaws.com",
        "cloudtrail.amazonaws.com", "logs.amazonaws.com", "config.amazonaws.com", "codebuild.amazonaws.com", "pipes.amazonaws.com");

    public string Id => "SHP-IAM-114";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var holder in IamPolicies.TrustDocuments(model))
        {
            foreach (var statement in holder.Document.Statements.Where(StatementFacts.IsAllow))
            {
                if (statement.Conditions.Any(c => SourceKeys.Contains(c.Key, StringComparer.OrdinalIgnoreCase)))
                {
                    continue;
                }

                foreach (var principal in statement.Principals.Where(p => p.IsKnown && p.Current.StartsWith("Service:", StringComparison.Ordinal) && Services.Contains(p.Current["Service:".Length..])))
                {
                    yield return RuleText.Hit(holder.Owner, principal,
                        $"{IamPolicies.DescribeCapitalised(holder.Owner)} trusts {principal.Current["Service:".Length..]} without an aws:SourceAccount or aws:SourceArn condition, so the service could be made to assume it for another account (confused deputy).");
                }
            }
        }
    }
}
