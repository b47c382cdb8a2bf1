using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>SHP-NET-007: an Amazon EFS volume is mounted without IAM authorisation.</summary>
public sealed class EfsIamAuthorizationRule : IRule
{
    public string Id => "SHP-NET-007";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var workload in model.OfType<Workload>())
        {
            foreach (var volume in workload.Volumes)
            {
                var value = volume.Efs?.IamAuthorization;
                if (value is { IsKnown: true, Current: false })
                {
                    yield return RuleText.Hit(workload, value, value.IsExplicit
                        ? $"EFS volume '{volume.Name.Current}' in {RuleText.Describe(workload)} disables IAM authorization, so the task role does not control access to the file system."
                        : $"EFS volume '{volume.Name.Current}' in {RuleText.Describe(workload)} does not enable IAM authorization (the default is DISABLED), so the task role does not control access to the file system.");
                }
            }
        }
    }
}
