using Shipshape.Core.Model;
using Shipshape.Ingest.Syntax;

namespace Shipshape.Ingest.Iam;

/// <summary>
/// Reads a standalone IAM policy document ({"Version", "Statement"}), as kept beside infrastructure code or written by
/// `aws iam get-policy-version`: an identity policy becomes an <see cref="IamPolicy"/>, a trust policy (principals and
/// sts:AssumeRole) an <see cref="IamRole"/> named after the file. Other resource policies have no model yet. Also the
/// policies per principal that <c>shipshape iam generate</c> writes ({"arn:…": {"Version", "Statement"}, …}).
/// </summary>
public sealed class IamPolicyFileReader : IDocumentReader
{
    public const string SourceFormatName = "iam-json";

    public string Format => SourceFormatName;

    public bool CanRead(SyntaxNode root) => IsPolicy(root) || IsPolicyPerPrincipal(root);

    private static bool IsPolicy(SyntaxNode root) =>
        root is MappingNode m
        && m.Get("Statement", StringComparison.Ordinal) is MappingNode or SequenceNode
        && m.Get("Resources", StringComparison.Ordinal) is null
        && m.Get("AWSTemplateFormatVersion", StringComparison.Ordinal) is null;

    // What `shipshape iam generate` writes: an object keyed by principal ARN, each value a policy document.
    private static bool IsPolicyPerPrincipal(SyntaxNode root) =>
        root is MappingNode { Entries.Length: > 0 } m
        && m.Entries.All(e => e.Key.Text.StartsWith("arn:", StringComparison.Ordinal) && IsPolicy(e.Value));

    public IngestResult Read(string path, SyntaxNode root, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!IsPolicy(root) && IsPolicyPerPrincipal(root) && root is MappingNode perPrincipal)
        {
            // One identity policy per principal, named by the principal's ARN.
            return new IngestResult(
                [.. perPrincipal.Entries.Select(e => PolicyDocumentReader.Read(e.Value, e.Key.Text) is { } policy
                    ? new IamPolicy { Address = e.Key.Text, Kind = "AWS::IAM::Policy", Span = e.Key.Span, SourceFormat = Format, Managed = true, Document = policy }
                    : null).OfType<IamPolicy>()],
                []);
        }

        var document = PolicyDocumentReader.Read(root, string.Empty);
        if (document is null)
        {
            return IngestResult.Empty;
        }

        var name = System.IO.Path.GetFileNameWithoutExtension(path);
        var withPrincipal = document.Statements.Where(s => !s.Principals.IsEmpty || !s.NotPrincipals.IsEmpty).ToList();
        if (withPrincipal.Count == 0)
        {
            return new IngestResult([new IamPolicy { Address = name, Kind = "AWS::IAM::Policy", Span = root.Span, SourceFormat = Format, Managed = true, Document = document }], []);
        }

        var trust = withPrincipal.All(s => s.Actions.Any(a => a.Current.StartsWith("sts:AssumeRole", StringComparison.OrdinalIgnoreCase) || a.Current == "sts:TagSession" || a.Current == "sts:SetSourceIdentity"));
        return trust
            ? new IngestResult([new IamRole { Address = name, Kind = "AWS::IAM::Role", Span = root.Span, SourceFormat = Format, RoleName = Value<string?>.Defaulted(name, root.Span, string.Empty), TrustPolicy = document }], [])
            : IngestResult.Empty;
    }
}
