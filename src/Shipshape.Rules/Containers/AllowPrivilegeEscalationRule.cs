using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-010: a container may gain more privileges than its parent process (setuid binaries, file
/// capabilities): Kubernetes allowPrivilegeEscalation not false, compose security_opt or ECS dockerSecurityOptions
/// without no-new-privileges (ECS cannot set it on Fargate or for Windows containers: the model has no value there).
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

            var field = RuleText.FieldName(value.Path);
            var fix = workload.Platform switch
            {
                Platform.Kubernetes => "securityContext.allowPrivilegeEscalation: false",
                Platform.Compose => "security_opt: [\"no-new-privileges:true\"]",
                _ => $"{field}: [\"no-new-privileges\"]",
            };
            yield return RuleText.Hit(workload, value, value.IsExplicit
                ? workload.Platform == Platform.Kubernetes
                    ? $"{RuleText.Describe(container, workload)} sets allowPrivilegeEscalation to true."
                    : $"{RuleText.Describe(container, workload)} sets no-new-privileges to false in {field}."
                : $"{RuleText.Describe(container, workload)} allows privilege escalation; set {fix}.");
        }
    }
}
