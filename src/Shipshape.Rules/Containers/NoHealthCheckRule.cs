using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-016: nothing checks that an application container is healthy, so a hung process keeps running and
/// keeps its traffic: no ECS healthCheck (ECS ignores a HEALTHCHECK baked into the image), no Kubernetes
/// livenessProbe, a compose healthcheck switched off (or none, leaving only the image's). Log routers and monitoring
/// agents are left alone, as are Kubernetes init containers and Jobs, which the kubelet does not probe. Dockerfile:
/// the image the final stage builds has no HEALTHCHECK (here or in the stage it builds on), or HEALTHCHECK NONE.
/// </summary>
public sealed class NoHealthCheckRule : IRule
{
    public string Id => "SHP-CTR-016";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (workload, container) in RuleText.Containers(model))
        {
            if (container.Role != ContainerRole.Application || container.HealthCheck is not { IsKnown: true, Current: false } check)
            {
                continue;
            }

            var field = NoCpuLimitRule.FieldPath(check.Path, container);
            var message = workload.Platform switch
            {
                _ when check.IsExplicit => $"{RuleText.Describe(container, workload)} switches its health check off ({field}).",
                Platform.Kubernetes => $"{RuleText.Describe(container, workload)} has no livenessProbe, so the kubelet never restarts it when it hangs.",
                Platform.Compose => $"{RuleText.Describe(container, workload)} defines no healthcheck; only a HEALTHCHECK in its image would check it.",
                _ => $"{RuleText.Describe(container, workload)} has no {field}; ECS does not run a HEALTHCHECK baked into the image, so a hung container is never replaced.",
            };
            yield return RuleText.Hit(workload, check, message);
        }

        foreach (var stage in model.OfType<DockerfileStage>().Where(s => s.IsFinal && s.Healthcheck.IsKnown))
        {
            var healthcheck = stage.Healthcheck;
            if (string.IsNullOrWhiteSpace(healthcheck.Current))
            {
                yield return RuleText.Hit(stage, healthcheck, $"{RuleText.DescribeCapitalised(stage)} defines no HEALTHCHECK.");
            }
            else if (string.Equals(healthcheck.Current.Trim(), "NONE", StringComparison.OrdinalIgnoreCase))
            {
                yield return RuleText.Hit(stage, healthcheck, $"{RuleText.DescribeCapitalised(stage)} disables the health check (HEALTHCHECK NONE).");
            }
        }

        foreach (var image in model.OfType<ContainerImage>().Where(i => i.Healthcheck.IsKnown))
        {
            if (string.IsNullOrWhiteSpace(image.Healthcheck.Current))
            {
                yield return RuleText.Hit(image, image.Healthcheck, $"{RuleText.Describe(image)} defines no Healthcheck in its config.");
            }
            else if (string.Equals(image.Healthcheck.Current, "NONE", StringComparison.Ordinal))
            {
                yield return RuleText.Hit(image, image.Healthcheck, $"{RuleText.Describe(image)} disables the health check (Healthcheck NONE).");
            }
        }
    }
}
