using System.Collections.Immutable;
using Shipshape.Core.Model;
using Shipshape.Iam.Analysis;
using Shipshape.Iam.Evaluation;

namespace Shipshape.Rules.Iam;

/// <summary>
/// A statement allows some actions from a fixed list on every resource (Resource "*" or a pattern that covers every
/// resource of the action, without a condition that scopes resources). Full-administrator statements are SHP-IAM-100's.
/// </summary>
public abstract class SensitiveActionsRule : IRule
{
    public abstract string Id { get; }

    /// <summary>The actions, as the service authorization reference spells them.</summary>
    protected abstract ImmutableHashSet<string> Actions { get; }

    /// <summary>"return credentials", completing "… allows actions that … on every resource".</summary>
    protected abstract string What { get; }

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(context);
        PolicyEvaluator? evaluator = null;
        foreach (var (holder, statement) in IamPolicies.AllowStatements(model))
        {
            if (StatementFacts.IsFullAdmin(statement) || !statement.NotActions.IsEmpty || !statement.NotResources.IsEmpty
                || statement.Conditions.Any(StatementFacts.ScopesResources))
            {
                continue;
            }

            evaluator ??= new PolicyEvaluator(context.IamCatalog.Value);
            var found = StatementFacts.Actions(statement, evaluator.Catalog)
                .Where(a => Actions.Contains(a.FullName))
                .Where(a => statement.Resources.Any(r => r.IsKnown && evaluator.IsUnscoped(r.Current, a.FullName)))
                .Select(a => a.FullName)
                .Order(StringComparer.Ordinal)
                .ToList();
            if (found.Count > 0)
            {
                yield return IamPolicies.Hit(holder, statement,
                    $"{IamPolicies.DescribeCapitalised(holder.Owner)} allows actions that {What} on every resource: {IamPolicies.Sample(found)}.");
            }
        }
    }
}
