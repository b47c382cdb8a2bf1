using Shipshape.Core.Model;

namespace Shipshape.Rules.Secrets;

/// <summary>
/// SHP-SEC-004: a Kubernetes container receives a Secret as environment variables (env valueFrom.secretKeyRef),
/// where a mounted file would do: environment variables are inherited by every child process, shown by
/// debugging and crash tools, and often logged. ECS injects secrets as variables by design and is not reported.
/// </summary>
public sealed class SecretAsEnvironmentVariableRule : IRule
{
    public string Id => "SHP-SEC-004";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var workload in model.OfType<KubernetesWorkload>())
        {
            foreach (var container in workload.Containers)
            {
                foreach (var secret in container.Secrets)
                {
                    yield return RuleText.Hit(workload, secret.ValueFrom,
                        $"{RuleText.Describe(container, workload)} receives the Secret key '{secret.ValueFrom.Current}' as the environment variable {secret.Name.Current}; mount it as a file instead.");
                }
            }
        }
    }
}
