using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>SHP-CTR-037: an ECS service names a legacy IAM role for its load balancer instead of using the service-linked role.</summary>
public sealed class LegacyServiceRoleRule : IRule
{
    public string Id => "SHP-CTR-037";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var service in model.OfType<EcsService>())
        {
            // A role from an unresolved input is still a role: the property is set.
            if (service.Role.IsDefaulted || (service.Role.IsExplicit && string.IsNullOrWhiteSpace(service.Role.Current)))
            {
                continue;
            }

            var field = service.SourceFormat == "cloudformation" ? "Role" : "iam_role";
            var name = service.Role.Reference ?? service.Role.Current;
            yield return RuleText.Hit(service, service.Role,
                $"ECS service '{service.Address}' sets {field}{(string.IsNullOrEmpty(name) ? string.Empty : $" ('{name}')")}, a legacy service role, instead of letting ECS use its service-linked role.");
        }
    }
}
