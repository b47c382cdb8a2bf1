using Shipshape.Core.Model;
using Shipshape.Ingest.Syntax;

namespace Shipshape.Ingest.Iam;

/// <summary>
/// Reads a standalone IAM policy document ({"Version", "Statement"}), as kept beside infrastructure code or written by
/// `aws iam get-policy-version`: an identity policy becomes an <see cref="IamPolicy"/>, a trust policy (principals and
/// sts:AssumeRole) an <see cref="IamRole"/> named after the file. Other resource policies have no model yet.
/// </summary>
public sealed class IamPolicyFileReader : IDocumentReader
{
    public const string SourceFormatName = "iam-json";

    public string Format => SourceFormatName;

    public bool CanRead(SyntaxNode root) =>
        root is MappingNode m
        && m.Get("Statement", StringComparison.Ordinal) is MappingNode or SequenceNode
        && m.Get("Resources", StringComparison.Ordinal) is null
        && m.Get("AWSTemplateFormatVersion", StringComparison.Ordinal) is null;

    public IngestResult Read(string path, SyntaxNode root, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
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
