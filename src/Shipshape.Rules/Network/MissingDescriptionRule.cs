using Shipshape.Core.Model;

namespace Shipshape.Rules.Network;

/// <summary>SHP-NET-022: a security group, or one of its rules, has no description.</summary>
public sealed class MissingDescriptionRule : IRule
{
    public string Id => "SHP-NET-022";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var group in model.OfType<SecurityGroup>())
        {
            if (Missing(group.Description))
            {
                yield return RuleText.Hit(group, group.Description,
                    $"Security group '{group.Address}' has no {Field(group, "GroupDescription", "description")}.");
            }
        }

        foreach (var rule in IngressRule.All(model, ingress: true).Concat(IngressRule.All(model, ingress: false)))
        {
            if (Missing(rule.Rule.Description))
            {
                var which = rule.Owner is SecurityGroup ? $"{rule.Description} has an {(rule.Rule.Ingress ? "ingress" : "egress")} rule" : rule.Description;
                yield return RuleText.Hit(rule.Owner, rule.Rule.Description,
                    $"{which} without {Field(rule.Owner, "Description", "description")}.", rule.Rule.Path);
            }
        }
    }

    /// <summary>Absent or blank; an unresolved description may well be set, so it is not reported.</summary>
    private static bool Missing(Value<string?> description) =>
        description.IsKnown && string.IsNullOrWhiteSpace(description.Current);

    private static string Field(Resource resource, string cloudFormation, string terraform) =>
        resource.SourceFormat == "cloudformation" ? cloudFormation : terraform;
}
