using Shipshape.Core.Model;

namespace Shipshape.Rules.Compliance;

/// <summary>SHP-CMP-007: an EFS access point does not enforce a POSIX user, so clients keep their own (root included).</summary>
public sealed class EfsAccessPointWithoutUserRule : IRule
{
    public string Id => "SHP-CMP-007";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var point in model.OfType<EfsAccessPoint>())
        {
            if (point.PosixUserDeclared is { IsKnown: true, Current: false })
            {
                yield return RuleText.Hit(point, point.PosixUserDeclared,
                    $"EFS access point '{point.Address}' enforces no user identity ({RuleText.FieldName(point.PosixUserDeclared.Path)}), so clients act with their own user IDs, root included.");
            }
        }
    }
}
