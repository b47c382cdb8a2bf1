using System.Collections.Immutable;
using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that assembles an IAM user, group or instance profile, for every format.</summary>
internal static class IamPrincipalBuilder
{
    /// <param name="principalType">User, Group or InstanceProfile.</param>
    public static IamPrincipal Build(
        ResourceIdentity id,
        string principalType,
        ImmutableArray<PolicyDocument> inlinePolicies,
        ImmutableArray<Value<string>> managedPolicies,
        ImmutableArray<Value<string>> roles) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        PrincipalType = principalType,
        InlinePolicies = inlinePolicies,
        ManagedPolicies = managedPolicies,
        Roles = roles,
    };

    /// <summary>A console password set apart from its user (Terraform aws_iam_user_login_profile).</summary>
    public static IamLoginProfile LoginProfile(ResourceIdentity id, Value<string?> user) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        User = user,
    };
}
