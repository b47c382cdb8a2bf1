using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>SHP-NET-014: an ECS service or task set gives its tasks public IP addresses (assignPublicIp ENABLED).</summary>
public sealed class PublicIpAssignedRule : IRule
{
    public string Id => "SHP-NET-014";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var service in model.OfType<EcsService>())
        {
            if (service.AssignPublicIp is { IsKnown: true, Current: true } value)
            {
                yield return RuleText.Hit(service, value,
                    $"ECS {(service.IsTaskSet ? "task set" : "service")} '{service.Address}' assigns public IP addresses to its tasks (assignPublicIp ENABLED).");
            }
        }
    }
}
