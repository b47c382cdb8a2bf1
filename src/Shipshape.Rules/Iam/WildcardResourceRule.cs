using System.Collections.Immutable;
using Shipshape.Core.Model;
using Shipshape.Iam.Analysis;
using Shipshape.Iam.Catalog;
using Shipshape.Iam.Evaluation;

namespace Shipshape.Rules.Iam;

/// <summary>
/// "Resource": "*" (or an ARN pattern that covers every resource) on actions of some access levels that accept resource
/// ARNs; actions that only accept "*" are never reported, nor ECS/EKS cluster actions (the cluster rule's).
/// </summary>
public abstract class WildcardResourceRule : IRule
{
    public abstract string Id { get; }

    protected abstract ImmutableArray<AccessLevel> Levels { get; }

    protected abstract string Kind { get; }

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(context);
        var statements = IamPolicies.AllowStatements(model).Where(x => !StatementFacts.IsFullAdmin(x.Statement) && x.Statement.NotActions.IsEmpty).ToList();
        if (statements.Count == 0)
        {
            yield break;
        }

        var evaluator = new PolicyEvaluator(context.IamCatalog.Value);
        foreach (var (holder, statement) in statements)
        {
            if (statement.Conditions.Any(StatementFacts.ScopesResources))
            {
                continue;
            }

            var unscoped = StatementFacts.Actions(statement, evaluator.Catalog)
                .Where(a => Levels.Contains(a.AccessLevel) && a.AcceptsResourceArns && !ClusterScopeRule.IsClusterAction(a, evaluator.Catalog))
                .Where(a => statement.NotResources.IsEmpty && statement.Resources.Any(r => r.IsKnown && evaluator.IsUnscoped(r.Current, a.FullName)))
                .Select(a => a.FullName)
                .ToList();
            if (unscoped.Count > 0)
            {
                yield return IamPolicies.Hit(holder, statement,
                    $"{IamPolicies.DescribeCapitalised(holder.Owner)} allows {Kind} actions on every resource although they accept resource ARNs: {IamPolicies.Sample(unscoped)}.");
            }
        }
    }
}
