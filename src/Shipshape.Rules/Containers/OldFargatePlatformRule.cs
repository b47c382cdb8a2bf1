using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-034: an ECS service or task set pins a Fargate Linux platform version older than 1.4.0.</summary>
public sealed class OldFargatePlatformRule : IRule
{
    private static readonly Version Minimum = new(1, 4, 0);

    public string Id => "SHP-CTR-034";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var service in model.OfType<EcsService>())
        {
            if (service.PlatformVersion is { IsKnown: true, Current: { } text } value
                && Version.TryParse(text.Trim(), out var version)
                && version < Minimum)
            {
                yield return RuleText.Hit(service, value,
                    $"ECS {(service.IsTaskSet ? "task set" : "service")} '{service.Address}' pins Fargate platform version {text.Trim()}, older than 1.4.0.");
            }
        }
    }
}
