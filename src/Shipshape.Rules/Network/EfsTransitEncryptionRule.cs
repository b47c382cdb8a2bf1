using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>SHP-NET-006: an Amazon EFS volume is mounted without transit encryption.</summary>
public sealed class EfsTransitEncryptionRule : IRule
{
    public string Id => "SHP-NET-006";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var workload in model.OfType<Workload>())
        {
            foreach (var volume in workload.Volumes)
            {
                var value = volume.Efs?.TransitEncryption;
                if (value is { IsKnown: true, Current: false })
                {
                    yield return RuleText.Hit(workload, value, value.IsExplicit
                        ? $"EFS volume '{volume.Name.Current}' in {RuleText.Describe(workload)} disables transit encryption."
                        : $"EFS volume '{volume.Name.Current}' in {RuleText.Describe(workload)} does not enable transit encryption (the default is DISABLED).");
                }
            }
        }
    }
}
