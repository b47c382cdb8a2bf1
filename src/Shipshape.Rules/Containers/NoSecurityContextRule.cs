using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-024 (a Kubernetes container writes no securityContext) and SHP-CTR-025 (a pod spec writes no
/// securityContext): every hardening setting is then left at the runtime's permissive default, and nothing records
/// the intent; the specific settings are reported by their own rules.
/// </summary>
public sealed class NoSecurityContextRule : IRule
{
    private readonly bool _pod;

    private NoSecurityContextRule(bool pod) => _pod = pod;

    public static NoSecurityContextRule Container { get; } = new(pod: false);

    public static NoSecurityContextRule Pod { get; } = new(pod: true);

    public string Id => _pod ? "SHP-CTR-025" : "SHP-CTR-024";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var workload in model.OfType<KubernetesWorkload>())
        {
            if (_pod)
            {
                if (workload.PodSecurityContextDeclared is { IsDefaulted: true } pod)
                {
                    yield return RuleText.Hit(workload, pod, $"{RuleText.DescribeCapitalised(workload)} has no pod securityContext (runAsNonRoot, runAsUser, fsGroup, seccompProfile).");
                }

                continue;
            }

            foreach (var container in workload.Containers)
            {
                if (container.SecurityContextDeclared is { IsDefaulted: true } declared)
                {
                    yield return RuleText.Hit(workload, declared, $"{RuleText.Describe(container, workload)} has no securityContext.");
                }
            }
        }
    }
}
