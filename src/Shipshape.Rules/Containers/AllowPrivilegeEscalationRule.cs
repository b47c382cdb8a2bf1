using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-010: a container may gain more privileges than its parent process (setuid binaries, file
/// capabilities): Kubernetes allowPrivilegeEscalation not false, compose without no-new-privileges.
/// Privileged containers are SHP-CTR-001's, where escalation is always allowed, unless they also set it explicitly.
/// </summary>
public sealed class AllowPrivilegeEscalationRule : IRule
{
    public string Id => "SHP-CTR-010";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (workload, container) in RuleText.Containers(model))
        {
            if (container.AllowPrivilegeEscalation is not { IsKnown: true, Current: true } value
                || (value.IsDefaulted && container.Privileged is { IsKnown: true, Current: true }))
            {
                continue;
            }

            var field = workload.Platform == Platform.Compose ? "security_opt no-new-privileges:true" : "securityContext.allowPrivilegeEscalation: false";
            yield return RuleText.Hit(workload, value, value.IsExplicit
                ? $"{RuleText.Describe(container, workload)} sets allowPrivilegeEscalation to true."
                : $"{RuleText.Describe(container, workload)} allows privilege escalation; set {field}.");
        }
    }
}
