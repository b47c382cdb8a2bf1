using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Core.Model;
using Shipshape.Iam.Analysis;

namespace Shipshape.Rules.Iam;

/// <summary>Finds policy documents in the model and the policies that apply to a principal, following attachments.</summary>
internal static class IamPolicies
{
    public const string AdministratorAccessArn = "arn:aws:iam::aws:policy/AdministratorAccess";

    /// <summary>Every identity policy: inline policies of roles, users and groups, and standalone policies.</summary>
    public static IEnumerable<PolicyHolder> IdentityDocuments(ModelSet model)
    {
        foreach (var resource in model.Resources)
        {
            var documents = resource switch
            {
                IamRole role => role.InlinePolicies,
                IamPrincipal principal => principal.InlinePolicies,
                IamPolicy { Document: { } document } policy when !IsAwsManaged(policy.Address) => [document],
                _ => [],
            };
            foreach (var document in documents)
            {
                yield return new PolicyHolder(resource, document, PolicyKind.Identity);
            }
        }
    }

    public static IEnumerable<(PolicyHolder Holder, PolicyStatement Statement)> AllowStatements(ModelSet model) =>
        IdentityDocuments(model).SelectMany(h => h.Document.Statements.Where(StatementFacts.IsAllow).Select(s => (h, s)));

    public static IEnumerable<PolicyHolder> TrustDocuments(ModelSet model) =>
        model.OfType<IamRole>().Where(r => r.TrustPolicy is not null).Select(r => new PolicyHolder(r, r.TrustPolicy!, PolicyKind.Trust));

    /// <summary>The identity policies of a role, user or group: inline, attached standalone policies, known managed ones.</summary>
    public static ImmutableArray<PolicyDocument> Effective(ModelSet model, Resource principal)
    {
        var (inline, managed) = principal switch
        {
            IamRole r => (r.InlinePolicies, r.ManagedPolicies),
            IamPrincipal p => (p.InlinePolicies, p.ManagedPolicies),
            _ => ([], []),
        };
        var builder = inline.ToBuilder();
        foreach (var policy in model.OfType<IamPolicy>().Where(p => p.Document is not null && AttachedTo(p, principal)))
        {
            builder.Add(policy.Document!);
        }

        foreach (var arn in managed)
        {
            if (ModelLinks.Resolve<IamPolicy>(model, arn.Reference, principal) is { Document: { } linked })
            {
                builder.Add(linked);
            }
            else if (arn.IsKnown && model.OfType<IamPolicy>().FirstOrDefault(p => p.Address == arn.Current) is { Document: { } byArn })
            {
                builder.Add(byArn);
            }
            else if (IsAdministratorAccess(arn))
            {
                builder.Add(AdministratorAccess(arn));
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>AWS managed policies (in an account snapshot) are used through attachments, never reported on their own.</summary>
    public static bool IsAwsManaged(string arn) =>
        arn.StartsWith("arn:aws", StringComparison.Ordinal) && arn.Contains(":iam::aws:policy/", StringComparison.Ordinal);

    public static bool IsAdministratorAccess(Value<string> arn) =>
        arn.IsKnown && arn.Current.StartsWith("arn:aws", StringComparison.Ordinal) && arn.Current.EndsWith(":iam::aws:policy/AdministratorAccess", StringComparison.Ordinal);

    /// <summary>Whether a standalone policy names the principal among its roles, users or groups (by link or by name).</summary>
    public static bool AttachedTo(IamPolicy policy, Resource principal)
    {
        var (names, name) = principal switch
        {
            IamRole r => (policy.Roles, r.RoleName.IsKnown ? r.RoleName.Current : null),
            IamPrincipal { PrincipalType: "User" } u => (policy.Users, u.Address),
            IamPrincipal { PrincipalType: "Group" } g => (policy.Groups, g.Address),
            _ => ([], null),
        };
        return names.Any(v => ModelLinks.Links(v.Reference, policy, principal) || (v.IsKnown && (v.Current == name || v.Current == principal.Address)));
    }

    /// <summary>The role a task definition's role ARN points at: a link, or the role whose name ends the ARN.</summary>
    public static IamRole? RoleOf(ModelSet model, Value<string?> arn, Resource from)
    {
        if (ModelLinks.Resolve<IamRole>(model, arn.Reference, from) is { } linked)
        {
            return linked;
        }

        if (!arn.IsKnown || string.IsNullOrEmpty(arn.Current))
        {
            return null;
        }

        var name = arn.Current[(arn.Current.LastIndexOf('/') + 1)..];
        return model.OfType<IamRole>().FirstOrDefault(r => r.RoleName.IsKnown && r.RoleName.Current == name);
    }

    private static PolicyDocument AdministratorAccess(Value<string> arn)
    {
        Value<string> V(string text) => Value<string>.Explicit(text, arn.Span, arn.Path);
        var statement = new PolicyStatement
        {
            Sid = Value<string?>.Explicit(null, arn.Span, arn.Path),
            Effect = V("Allow"),
            Actions = [V("*")],
            Resources = [V("*")],
            Span = arn.Span,
            Path = arn.Path,
        };
        return new PolicyDocument(Value<string?>.Explicit("2012-10-17", arn.Span, arn.Path), [statement], arn.Span, arn.Path);
    }

    /// <summary>"policy 'AppPolicy'", "role 'TaskRole'", "user 'ci'".</summary>
    public static string Describe(Resource owner) => owner switch
    {
        IamRole => $"role '{owner.Address}'",
        IamPrincipal p => $"{p.PrincipalType.ToLowerInvariant() switch { "instanceprofile" => "instance profile", var t => t }} '{owner.Address}'",
        IamPolicy => $"policy '{owner.Address}'",
        _ => $"'{owner.Address}'",
    };

    public static string DescribeCapitalised(Resource owner)
    {
        var text = Describe(owner);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    public static RuleHit Hit(PolicyHolder holder, PolicyStatement statement, string message) =>
        new(holder.Owner, statement.Span, statement.Path, message);

    public static RuleHit Hit(Resource owner, SourceSpan span, string path, string message) => new(owner, span, path, message);

    /// <summary>At most <paramref name="count"/> names, then "and N more".</summary>
    public static string Sample(IEnumerable<string> names, int count = 3)
    {
        var list = names.ToList();
        var shown = string.Join(", ", list.Take(count));
        return list.Count > count ? $"{shown} and {list.Count - count} more" : shown;
    }
}
