using System.Globalization;
using Shipshape.Core.Model;

namespace Shipshape.Rules.Containers;

/// <summary>
/// SHP-CTR-022: a Kubernetes container runs as a non-root UID below 10000, which may belong to a user of the node; a
/// process that escapes the container then acts as that user. UID 0 is SHP-CTR-002's.
/// </summary>
public sealed class LowUidRule : IRule
{
    public const int Threshold = 10000;

    public string Id => "SHP-CTR-022";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var workload in model.OfType<KubernetesWorkload>())
        {
            foreach (var container in workload.Containers)
            {
                if (container.User is { IsExplicit: true, Current: { } text }
                    && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var uid) && uid is > 0 and < Threshold)
                {
                    yield return RuleText.Hit(workload, container.User,
                        $"{RuleText.Describe(container, workload)} runs as UID {uid}, below {Threshold}, where it may share a UID with a user of the node.");
                }
            }
        }
    }
}
