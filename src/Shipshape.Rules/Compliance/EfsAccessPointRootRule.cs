using Shipshape.Core.Model;

namespace Shipshape.Rules.Compliance;

/// <summary>SHP-CMP-006: an EFS access point exposes the whole file system (root directory "/").</summary>
public sealed class EfsAccessPointRootRule : IRule
{
    public string Id => "SHP-CMP-006";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var point in model.OfType<EfsAccessPoint>())
        {
            if (point.RootDirectory is { IsKnown: true } root && root.Current.Trim().TrimEnd('/').Length == 0)
            {
                yield return RuleText.Hit(point, root,
                    $"EFS access point '{point.Address}' uses the file system's root as its root directory ({RuleText.FieldName(root.Path)}), so its clients see the whole file system.");
            }
        }
    }
}
