using Shipshape.Core.Model;

namespace Shipshape.Rules.Iam;

/// <summary>
/// SHP-IAM-050: a Kubernetes workload gets its service account's API token mounted: the pod's
/// automountServiceAccountToken, else its ServiceAccount's (when scanned), else the default, true.
/// </summary>
public sealed class ServiceAccountTokenMountedRule : IRule
{
    public string Id => "SHP-IAM-050";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        var accounts = ServiceAccounts.Of(model);
        foreach (var workload in model.OfType<KubernetesWorkload>())
        {
            var pod = workload.AutomountServiceAccountToken;
            if (!pod.IsKnown || pod.Current == false)
            {
                continue;
            }

            var account = workload.ServiceAccountName.Current;
            if (pod.Current is null && accounts.TryGetValue((workload.Namespace, account), out var sa) && sa.AutomountServiceAccountToken is { } saValue)
            {
                if (!saValue.IsKnown || !saValue.Current)
                {
                    continue;
                }
            }

            yield return RuleText.Hit(workload, pod, pod.Current is true
                ? $"{RuleText.DescribeCapitalised(workload)} sets automountServiceAccountToken to true, so every container gets an API token for service account '{account}'."
                : $"{RuleText.DescribeCapitalised(workload)} mounts the API token of service account '{account}' (automountServiceAccountToken is not false); disable it unless the pod calls the Kubernetes API.");
        }
    }
}
