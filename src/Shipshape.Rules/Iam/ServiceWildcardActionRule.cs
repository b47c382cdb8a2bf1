using Shipshape.Core.Model;
using Shipshape.Iam.Analysis;

namespace Shipshape.Rules.Iam;

/// <summary>SHP-IAM-101: an Allow names every action of a service ("ecs:*") or of all services ("*"), short of full admin.</summary>
public sealed class ServiceWildcardActionRule : IRule
{
    public string Id => "SHP-IAM-101";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (holder, statement) in IamPolicies.AllowStatements(model).Where(x => !StatementFacts.IsFullAdmin(x.Statement)))
        {
            foreach (var action in statement.Actions.Where(a => a.IsKnown && IsServiceWide(a.Current)))
            {
                yield return RuleText.Hit(holder.Owner, action,
                    $"{IamPolicies.DescribeCapitalised(holder.Owner)} allows '{action.Current}', every action of {(action.Current.Trim() is "*" or "*:*" ? "every service" : $"the service '{action.Current.Split(':')[0]}'")}, including ones added later.");
            }
        }
    }

    private static bool IsServiceWide(string action)
    {
        var text = action.Trim();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return text == "*" || (colon > 0 && text[(colon + 1)..] == "*");
    }
}
