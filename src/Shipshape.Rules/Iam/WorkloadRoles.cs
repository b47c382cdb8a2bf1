using Shipshape.Core.Model;

namespace Shipshape.Rules.Iam;

/// <summary>
/// The IAM roles a workload's containers run with, on every platform: an ECS task definition's task and execution
/// roles; for a Kubernetes workload, the role of its service account through IAM roles for service accounts
/// (the eks.amazonaws.com/role-arn annotation) and through EKS Pod Identity associations for that namespace and
/// service account (CloudFormation or Terraform in the same scan).
/// </summary>
internal static class WorkloadRoles
{
    public const string IrsaAnnotation = "eks.amazonaws.com/role-arn";

    /// <param name="Arn">The role ARN as written (with its link to a role resource, when it has one).</param>
    /// <param name="Kind">"task role", "execution role", "IRSA role of service account 'x'", "Pod Identity role of service account 'x'".</param>
    /// <param name="At">Where a finding about the workload's role belongs: the ARN when it is written in the workload's own file, else the service account name.</param>
    /// <param name="Owner">The resource the ARN is written in, whose template or root module its link resolves in.</param>
    public readonly record struct WorkloadRole(Value<string?> Arn, string Kind, Value<string?> At, Resource Owner);

    public static IEnumerable<WorkloadRole> Of(ModelSet model, Workload workload)
    {
        ArgumentNullException.ThrowIfNull(model);
        switch (workload)
        {
            case TaskDefinition task:
                yield return new(task.TaskRoleArn, "task role", task.TaskRoleArn, task);
                yield return new(task.ExecutionRoleArn, "execution role", task.ExecutionRoleArn, task);
                break;
            case KubernetesWorkload pod:
                var name = pod.ServiceAccountName;
                var at = new Value<string?>(name.Current, name.Origin, name.Span, name.Path);
                if (ServiceAccounts.Of(model).TryGetValue((pod.Namespace, name.Current), out var account)
                    && account.Annotations.FirstOrDefault(a => a.Name.Current == IrsaAnnotation) is { } annotation)
                {
                    yield return new(annotation.Val, $"IRSA role of service account '{name.Current}'", at, account);
                }

                foreach (var association in model.OfType<EksPodIdentityAssociation>())
                {
                    if (association.Namespace is { IsKnown: true } ns && ns.Current == pod.Namespace
                        && association.ServiceAccount is { IsKnown: true } sa && sa.Current == name.Current)
                    {
                        yield return new(association.RoleArn, $"Pod Identity role of service account '{name.Current}' ({association.Address})", at, association);
                    }
                }

                break;
        }
    }

    /// <summary>Whether an EKS Pod Identity association in the scan gives the service account a role.</summary>
    public static bool HasPodIdentity(ModelSet model, string ns, string serviceAccount) =>
        model.OfType<EksPodIdentityAssociation>().Any(a =>
            a.Namespace is { IsKnown: true } n && n.Current == ns && a.ServiceAccount is { IsKnown: true } s && s.Current == serviceAccount);
}
