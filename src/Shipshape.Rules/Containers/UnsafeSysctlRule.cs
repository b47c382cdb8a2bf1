using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-021: a pod sets a sysctl outside Kubernetes' safe set ("Using sysctls in a Kubernetes Cluster"; the Pod
/// Security Standards' baseline allows only those): it may change the node for every pod on it.
/// </summary>
public sealed class UnsafeSysctlRule : IRule
{
    private static readonly HashSet<string> Safe = new(StringComparer.Ordinal)
    {
        "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies",
        "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
        "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes",
    };

    public string Id => "SHP-CTR-021";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var workload in model.OfType<KubernetesWorkload>())
        {
            foreach (var sysctl in workload.Sysctls)
            {
                // The kubelet accepts the slash form too (net/ipv4/tcp_syncookies).
                var name = sysctl.Name.Current.Replace('/', '.');
                if (sysctl.Name.IsKnown && !Safe.Contains(name))
                {
                    yield return RuleText.Hit(workload, sysctl.Name,
                        $"{RuleText.DescribeCapitalised(workload)} sets the unsafe sysctl '{sysctl.Name.Current}', which is outside Kubernetes' safe set.");
                }
            }
        }
    }
}
