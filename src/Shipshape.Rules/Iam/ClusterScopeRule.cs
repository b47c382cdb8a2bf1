using Shipshape.Core.Model;
using Shipshape.Iam.Analysis;
using Shipshape.Iam.Catalog;
using Shipshape.Iam.Evaluation;

namespace Shipshape.Rules.Iam;

/// <summary>
/// SHP-IAM-106: ECS or EKS actions that can be confined to a cluster (a cluster-bearing ARN, or the ecs:cluster
/// condition key) are allowed without naming one, so the cluster is no administrative boundary.
/// </summary>
public sealed class ClusterScopeRule : IRule
{
    private const string ClusterName = "${ClusterName}";

    public string Id => "SHP-IAM-106";

    /// <summary>Whether an ECS/EKS action accepts a cluster-bearing ARN or the ecs:cluster condition key.</summary>
    public static bool IsClusterAction(IamAction action, IamCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(catalog);
        return action.Service is "ecs" or "eks"
            && (action.HasConditionKey("ecs:cluster") || ClusterFormats(action, catalog).Any());
    }

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (holder, statement) in IamPolicies.AllowStatements(model).Where(x => !StatementFacts.IsFullAdmin(x.Statement) && x.Statement.NotActions.IsEmpty))
        {
            if (!statement.Actions.Any(a => a.IsKnown && (a.Current.StartsWith("ecs:", StringComparison.OrdinalIgnoreCase) || a.Current.StartsWith("eks:", StringComparison.OrdinalIgnoreCase))))
            {
                continue;
            }

            var evaluator = new PolicyEvaluator(context.IamCatalog.Value);
            var hasClusterCondition = statement.Conditions.Any(c => string.Equals(c.Key, "ecs:cluster", StringComparison.OrdinalIgnoreCase) && !ConditionOperator.Parse(c.Operator).IsNegated);
            var unscoped = StatementFacts.Actions(statement, evaluator.Catalog)
                .Where(a => IsClusterAction(a, evaluator.Catalog))
                .Where(a => !(hasClusterCondition && a.HasConditionKey("ecs:cluster")) && !NamesCluster(statement, a, evaluator))
                .Select(a => a.FullName)
                .ToList();
            if (unscoped.Count > 0)
            {
                yield return IamPolicies.Hit(holder, statement,
                    $"{IamPolicies.DescribeCapitalised(holder.Owner)} allows cluster actions without naming a cluster (a cluster ARN in Resource or an ecs:cluster condition): {IamPolicies.Sample(unscoped)}.");
            }
        }
    }

    // Every Resource pattern names a cluster: it is scoped, and starts like one of the action's cluster-bearing ARN formats.
    private static bool NamesCluster(PolicyStatement statement, IamAction action, PolicyEvaluator evaluator)
    {
        if (statement.Resources.IsEmpty || !statement.NotResources.IsEmpty)
        {
            return false;
        }

        var prefixes = ClusterFormats(action, evaluator.Catalog)
            .Select(f => f.Split(':', 6) is { Length: 6 } parts ? parts[5][..parts[5].IndexOf("${", StringComparison.Ordinal)] : null)
            .OfType<string>()
            .ToList();
        return statement.Resources.All(r => !r.IsKnown
            || (!evaluator.IsUnscoped(r.Current, action.FullName)
                && r.Current.Split(':', 6) is { Length: 6 } p
                && prefixes.Any(prefix => p[5].StartsWith(prefix, StringComparison.Ordinal))));
    }

    private static IEnumerable<string> ClusterFormats(IamAction action, IamCatalog catalog) =>
        catalog.TryGetService(action.Service, out var service)
            ? action.Resources.Select(r => service.ResourceArnFormats.GetValueOrDefault(r.ResourceType)).OfType<string>().Where(f => f.Contains(ClusterName, StringComparison.Ordinal))
            : [];
}
