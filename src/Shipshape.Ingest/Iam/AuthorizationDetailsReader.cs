using System.Collections.Immutable;
using Shipshape.Core.Model;
using Shipshape.Ingest.Syntax;

namespace Shipshape.Ingest.Iam;

/// <summary>
/// Reads the output of `aws iam get-account-authorization-details`, an offline snapshot of an account's IAM: roles (trust,
/// inline and attached policies), users and groups, and managed policies with their default version, into the model.
/// Managed policies are addressed by ARN, so attachments resolve to them.
/// </summary>
public sealed class AuthorizationDetailsReader : IDocumentReader
{
    private const StringComparison Cmp = StringComparison.Ordinal;
    private static readonly string[] Lists = ["UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"];

    public string Format => IamPolicyFileReader.SourceFormatName;

    public bool CanRead(SyntaxNode root) =>
        root is MappingNode m && Lists.Any(l => m.Get(l, Cmp) is SequenceNode) && m.Get("Resources", Cmp) is null;

    public IngestResult Read(string path, SyntaxNode root, CancellationToken cancellationToken = default)
    {
        var top = new PropertyReader((MappingNode)root, root.Span, string.Empty);
        var resources = ImmutableArray.CreateBuilder<Resource>();
        foreach (var role in top.Objects("RoleDetailList"))
        {
            resources.Add(new IamRole
            {
                Address = Name(role, "RoleName"),
                Kind = "AWS::IAM::Role",
                Span = role.Node.Span,
                SourceFormat = Format,
                RoleName = role.String("RoleName"),
                TrustPolicy = Document(role, "AssumeRolePolicyDocument"),
                InlinePolicies = Inline(role, "RolePolicyList"),
                ManagedPolicies = Attached(role),
            });
        }

        foreach (var (list, type, key, inline) in new[] { ("UserDetailList", "User", "UserName", "UserPolicyList"), ("GroupDetailList", "Group", "GroupName", "GroupPolicyList") })
        {
            foreach (var item in top.Objects(list))
            {
                resources.Add(new IamPrincipal
                {
                    Address = Name(item, key),
                    Kind = "AWS::IAM::" + type,
                    Span = item.Node.Span,
                    SourceFormat = Format,
                    PrincipalType = type,
                    InlinePolicies = Inline(item, inline),
                    ManagedPolicies = Attached(item),
                });
            }
        }

        foreach (var policy in top.Objects("Policies"))
        {
            var version = policy.Objects("PolicyVersionList").FirstOrDefault(v => v.Bool("IsDefaultVersion", false).Current);
            resources.Add(new IamPolicy
            {
                Address = Name(policy, "Arn"),
                Kind = "AWS::IAM::ManagedPolicy",
                Span = policy.Node.Span,
                SourceFormat = Format,
                Managed = true,
                Document = version is null ? null : Document(version, "Document"),
            });
        }

        return new IngestResult(resources.ToImmutable(), []);
    }

    private static string Name(PropertyReader item, string key) => item.String(key).Current ?? item.Prefix;

    private static ImmutableArray<PolicyDocument> Inline(PropertyReader item, string key) =>
        [.. item.Objects(key).Select(p => Document(p, "PolicyDocument")).OfType<PolicyDocument>()];

    private static ImmutableArray<Value<string>> Attached(PropertyReader item) =>
        [.. item.Objects("AttachedManagedPolicies").Select(p => p.RequiredString("PolicyArn", string.Empty)).Where(v => v.Current.Length > 0)];

    // The API returns documents URL-encoded; the AWS CLI decodes them, but saved raw responses keep the encoding.
    private static PolicyDocument? Document(PropertyReader item, string key)
    {
        var node = item.Get(key);
        if (node is ScalarNode { Tag: null } text && text.Text.StartsWith("%7B", StringComparison.OrdinalIgnoreCase))
        {
            node = new ScalarNode(text.Span, Uri.UnescapeDataString(text.Text), text.Kind);
        }

        return PolicyDocumentReader.Read(node, item.PathOf(key));
    }
}
