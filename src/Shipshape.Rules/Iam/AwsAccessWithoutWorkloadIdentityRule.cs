using Shipshape.Core.Model;

namespace Shipshape.Rules.Iam;

/// <summary>
/// SHP-IAM-053 (informational): a Kubernetes workload looks like it calls AWS (AWS_* settings in its
/// environment) but its service account has no IAM role for service accounts (IRSA) annotation. It then
/// falls back to static keys or the node's instance role, unless an EKS Pod Identity association covers it
/// (one in CloudFormation or Terraform in the same scan is taken into account; one created elsewhere cannot be seen).
/// </summary>
public sealed class AwsAccessWithoutWorkloadIdentityRule : IRule
{
    private const string IrsaAnnotation = WorkloadRoles.IrsaAnnotation;
    private static readonly string[] AwsVariables = ["AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE"];

    public string Id => "SHP-IAM-053";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        var accounts = ServiceAccounts.Of(model);
        foreach (var workload in model.OfType<KubernetesWorkload>())
        {
            var signal = workload.Containers
                .SelectMany(c => c.Environment.Select(e => e.Name).Concat(c.Secrets.Select(s => s.Name)))
                .FirstOrDefault(n => AwsVariables.Contains(n.Current, StringComparer.Ordinal));
            if (signal is null)
            {
                continue;
            }

            var name = workload.ServiceAccountName.Current;
            var found = accounts.TryGetValue((workload.Namespace, name), out var account);
            if ((found && !string.IsNullOrWhiteSpace(account!.Annotation(IrsaAnnotation)))
                || WorkloadRoles.HasPodIdentity(model, workload.Namespace, name))
            {
                continue;
            }

            // A named service account that was not scanned may carry the annotation elsewhere: only "default" is certain.
            if (!found && !string.Equals(name, "default", StringComparison.Ordinal))
            {
                continue;
            }

            yield return RuleText.Hit(workload, signal,
                $"{RuleText.DescribeCapitalised(workload)} sets {signal.Current}, so it calls AWS, but service account '{name}' has no IRSA role ({IrsaAnnotation}); use IRSA or EKS Pod Identity instead of keys or the node role.");
        }
    }
}
