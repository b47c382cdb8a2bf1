using Shipshape.Core.Model;

namespace Shipshape.Rules.Logging;

/// <summary>SHP-LOG-012: a CloudTrail trail records only its own Region.</summary>
public sealed class TrailNotMultiRegionRule : IRule
{
    public string Id => "SHP-LOG-012";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var trail in model.OfType<Trail>())
        {
            if (trail.MultiRegion is { IsKnown: true, Current: false })
            {
                yield return RuleText.Hit(trail, trail.MultiRegion, $"CloudTrail trail '{trail.Address}' is not multi-Region (IsMultiRegionTrail is {(trail.MultiRegion.IsExplicit ? "false" : "absent")}).");
            }
        }
    }
}
