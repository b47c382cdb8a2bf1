using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-035: an ECS service or task set pins a Fargate platform version (1.4.0 or later) instead of LATEST, so it
/// does not move to new platform revisions. Versions older than 1.4.0 are SHP-CTR-034's.
/// </summary>
public sealed class FargatePlatformPinnedRule : IRule
{
    private static readonly Version Minimum = new(1, 4, 0);

    public string Id => "SHP-CTR-035";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var service in model.OfType<EcsService>())
        {
            if (service.LaunchType is { IsKnown: true, Current: { } launch } && !string.Equals(launch, "FARGATE", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (service.PlatformVersion is { IsExplicit: true, Current: { } text } value
                && Version.TryParse(text.Trim(), out var version)
                && version >= Minimum)
            {
                var field = service.SourceFormat == "cloudformation" ? "PlatformVersion" : "platform_version";
                yield return RuleText.Hit(service, value,
                    $"ECS {(service.IsTaskSet ? "task set" : "service")} '{service.Address}' pins Fargate platform version {text.Trim()} ({field}) instead of LATEST.");
            }
        }
    }
}
