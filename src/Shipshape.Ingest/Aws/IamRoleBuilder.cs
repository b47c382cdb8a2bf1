using System.Collections.Immutable;
using Shipshape.Core.Model;

namespace Shipshape.Ingest.Aws;

/// <summary>The one place that assembles an IAM role, for every format.</summary>
internal static class IamRoleBuilder
{
    public static IamRole Build(ResourceIdentity id, Value<string?> roleName, PolicyDocument? trustPolicy, ImmutableArray<PolicyDocument> inlinePolicies, ImmutableArray<Value<string>> managedPolicies) => new()
    {
        Address = id.Address,
        Kind = id.Kind,
        Span = id.Span,
        SourceFormat = id.SourceFormat,
        RoleName = roleName,
        TrustPolicy = trustPolicy,
        InlinePolicies = inlinePolicies,
        ManagedPolicies = managedPolicies,
    };
}
