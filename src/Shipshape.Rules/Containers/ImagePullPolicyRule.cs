using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-023: a Kubernetes container by tag may start from an image already on the node instead of the one the
/// registry holds now: imagePullPolicy IfNotPresent or Never (written, or the default for a tag other than latest),
/// so a pod can run an image pulled earlier by someone else, without the pull's authorisation check. An image
/// pinned by digest is immutable and is left alone.
/// </summary>
public sealed class ImagePullPolicyRule : IRule
{
    public string Id => "SHP-CTR-023";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var workload in model.OfType<KubernetesWorkload>())
        {
            foreach (var container in workload.Containers)
            {
                if (container.ImagePullPolicy is not { IsKnown: true } policy || container.Image is not { IsKnown: true, Current: { } image }
                    || !ImageReference.TryParse(image, out var reference) || reference.Digest is not null)
                {
                    continue;
                }

                // Kubernetes defaults to Always for :latest or no tag, else IfNotPresent ("Images", Image pull policy).
                var effective = policy.Current ?? (reference.Tag is null or "latest" ? "Always" : "IfNotPresent");
                if (string.Equals(effective, "Always", StringComparison.Ordinal))
                {
                    continue;
                }

                yield return RuleText.Hit(workload, policy, policy.IsExplicit
                    ? $"{RuleText.Describe(container, workload)} sets imagePullPolicy: {effective} for the tag '{reference.Tag}', so a node may run an older image under that tag."
                    : $"{RuleText.Describe(container, workload)} has no imagePullPolicy, so the tag '{reference.Tag}' defaults to IfNotPresent and a node may run an older image under it.");
            }
        }
    }
}
