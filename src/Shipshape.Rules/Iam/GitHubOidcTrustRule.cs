using System.Text.RegularExpressions;
using Shipshape.Core.Model;
using Shipshape.Iam.Analysis;

namespace Shipshape.Rules.Iam;

/// <summary>
/// SHP-IAM-126: a role trusts GitHub's OIDC provider without limiting the token's subject (the sub claim) to the
/// organization's repositories, so workflows of any GitHub repository can assume it.
/// </summary>
public sealed partial class GitHubOidcTrustRule : IRule
{
    private const string Provider = "token.actions.githubusercontent.com";

    public string Id => "SHP-IAM-126";

    public IEnumerable<RuleHit> Evaluate(ModelSet model, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var holder in IamPolicies.TrustDocuments(model))
        {
            foreach (var statement in holder.Document.Statements.Where(StatementFacts.IsAllow))
            {
                if (statement.Principals.FirstOrDefault(p => p.IsKnown && p.Current.StartsWith("Federated:", StringComparison.Ordinal)
                        && p.Current.Contains(Provider, StringComparison.OrdinalIgnoreCase)) is not { } principal)
                {
                    continue;
                }

                // The provider's subject key is token.actions.githubusercontent.com:sub (or …/ENTERPRISE:sub for GitHub
                // Enterprise Cloud with a custom issuer).
                var subjects = statement.Conditions
                    .Where(c => c.Key.StartsWith(Provider, StringComparison.OrdinalIgnoreCase) && c.Key.EndsWith(":sub", StringComparison.OrdinalIgnoreCase)
                        && c.Operator.Replace("ForAnyValue:", string.Empty, StringComparison.OrdinalIgnoreCase)
                            .Replace("ForAllValues:", string.Empty, StringComparison.OrdinalIgnoreCase) is "StringEquals" or "StringLike")
                    .SelectMany(c => c.Values)
                    .ToList();
                if (subjects.Count == 0)
                {
                    yield return RuleText.Hit(holder.Owner, principal,
                        $"{IamPolicies.DescribeCapitalised(holder.Owner)} trusts GitHub Actions tokens without a condition on {Provider}:sub, so a workflow in any GitHub repository can assume it.");
                    continue;
                }

                foreach (var subject in subjects.Where(s => s.IsKnown && !Pinned(s.Current)))
                {
                    yield return RuleText.Hit(holder.Owner, subject,
                        $"{IamPolicies.DescribeCapitalised(holder.Owner)} trusts GitHub Actions tokens whose subject is '{subject.Current}', which does not pin an organization, so workflows of other owners can match it.");
                }
            }
        }
    }

    /// <summary>
    /// A subject that starts with a claim the workflow cannot choose, naming one owner without wildcards: repo:ORG/…
    /// (the default template), or repository_owner:ORG, repository_owner_id:ID, repository_id:ID first in a customized
    /// template (GitHub: "Customizing the token claims").
    /// </summary>
    private static bool Pinned(string subject) => PinnedSubject().IsMatch(subject);

    [GeneratedRegex(@"^(repo:[^*?/:]+/|repository_owner:[^*?:]+(:|$)|repository_owner_id:[0-9]+(:|$)|repository_id:[0-9]+(:|$))", RegexOptions.CultureInvariant)]
    private static partial Regex PinnedSubject();
}
