using System.Collections.Immutable;
using Shipshape.Core.Model;
using Shipshape.Iam.Catalog;
using Shipshape.Iam.Evaluation;

namespace Shipshape.Iam.Analysis;

/// <summary>
/// Checks a policy document against the IAM policy grammar and the action catalogue, so that malformed documents
/// and unknown actions become findings rather than silently ignored statements. Unresolved values are skipped.
/// </summary>
public static class PolicyValidator
{
    public static ImmutableArray<PolicyIssue> Validate(PolicyDocument document, PolicyKind kind, IamCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(catalog);
        var issues = ImmutableArray.CreateBuilder<PolicyIssue>();
        void Malformed(Core.SourceSpan span, string path, string message) => issues.Add(new PolicyIssue(PolicyIssueKind.Malformed, span, path, message));

        if (document.Version.IsKnown && document.Version.Current is { } version && version is not ("2012-10-17" or "2008-10-17"))
        {
            Malformed(document.Version.Span, document.Version.Path, $"Version '{version}' is not a policy language version (2012-10-17).");
        }

        foreach (var s in document.Statements)
        {
            if (s.Effect.IsKnown && s.Effect.Current is not ("Allow" or "Deny"))
            {
                Malformed(s.Effect.Span, s.Effect.Path, $"Effect '{s.Effect.Current}' is neither Allow nor Deny (case-sensitive).");
            }

            if (s.Actions.IsEmpty == s.NotActions.IsEmpty)
            {
                Malformed(s.Span, s.Path, s.Actions.IsEmpty ? "The statement has neither Action nor NotAction." : "The statement has both Action and NotAction.");
            }

            if (!s.Resources.IsEmpty && !s.NotResources.IsEmpty)
            {
                Malformed(s.Span, s.Path, "The statement has both Resource and NotResource.");
            }
            else if (kind == PolicyKind.Identity && s.Resources.IsEmpty && s.NotResources.IsEmpty)
            {
                Malformed(s.Span, s.Path, "The identity-policy statement has neither Resource nor NotResource.");
            }

            var hasPrincipal = !s.Principals.IsEmpty || !s.NotPrincipals.IsEmpty;
            if (kind == PolicyKind.Identity && hasPrincipal)
            {
                Malformed(s.Span, s.Path, "An identity policy cannot name a Principal.");
            }
            else if (kind != PolicyKind.Identity && !hasPrincipal)
            {
                Malformed(s.Span, s.Path, "A resource or trust policy statement needs a Principal.");
            }

            foreach (var condition in s.Conditions)
            {
                if (!ConditionOperator.Parse(condition.Operator).IsKnown)
                {
                    Malformed(condition.Span, s.Path + ".Condition", $"Condition operator '{condition.Operator}' does not exist.");
                }
            }

            foreach (var action in s.Actions.Concat(s.NotActions).Where(a => a.IsKnown))
            {
                if (catalog.Expand(action.Current).IsEmpty && action.Current != "*")
                {
                    issues.Add(new PolicyIssue(PolicyIssueKind.UnknownAction, action.Span, action.Path,
                        $"'{action.Current}' matches no action of the AWS Service Authorization Reference."));
                }
            }
        }

        return issues.ToImmutable();
    }
}
