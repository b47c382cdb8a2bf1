using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-038: an ECS service sets its desired count to 0, so it runs no tasks.</summary>
public sealed class NoDesiredTasksRule : IRule
{
    public string Id => "SHP-CTR-038";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var service in model.OfType<EcsService>().Where(s => !s.IsTaskSet))
        {
            if (service.DesiredCount is { IsExplicit: true, Current: 0 } count)
            {
                var field = service.SourceFormat == "cloudformation" ? "DesiredCount" : "desired_count";
                yield return RuleText.Hit(service, count, $"ECS service '{service.Address}' sets {field} to 0, so it runs no tasks.");
            }
        }
    }
}
